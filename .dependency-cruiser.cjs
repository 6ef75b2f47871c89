// Folder dependency rules, checked by `npm run lint` (see CODE_STYLE.md).
const IO = "^(node:)?(fs|fs/promises|net|http|https|child_process|worker_threads|os)$|^(pg|pg-boss|pg-copy-streams|openai|next|react|@prisma/.*|@electric-sql/.*)$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-lib-folder-loops",
      comment: "lib folders form layers: a folder never reaches back to itself through another folder.",
      severity: "error",
      scope: "folder",
      from: { path: "^lib/" },
      to: { circular: true },
    },
    {
      name: "no-module-loops",
      severity: "error",
      from: { path: "^(lib|app|components)/" },
      to: { circular: true },
    },
    {
      name: "pure-folders-do-no-io",
      comment: "Pure folders compute: no database, network, files, framework or clock-bound services.",
      severity: "error",
      from: { path: "^lib/pipeline/", pathNot: "\\.test\\.ts$" },
      to: { path: [IO, "^lib/(db|generated|jobs)/"] },
    },
    {
      name: "pure-folders-stay-pure",
      comment: "A pure folder imports only other pure code.",
      severity: "error",
      from: { path: "^lib/pipeline/", pathNot: "\\.test\\.ts$" },
      to: { path: "^lib/", pathNot: "^lib/(pipeline|text-direction|errors|input-limits)" },
    },
    {
      name: "components-never-touch-the-database",
      severity: "error",
      from: { path: "^components/" },
      to: { path: ["^lib/(db|generated|jobs)/", "^(pg|pg-boss|@prisma/.*)$"] },
    },
    {
      name: "test-support-only-in-tests",
      comment: "lib/testing is for tests, benchmarks and scripts; production code never imports it.",
      severity: "error",
      from: { path: "^(lib|app|components)/", pathNot: ["\\.test\\.tsx?$", "^lib/testing/", "remote-test-server"] },
      to: { path: "^lib/testing/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^(lib/generated|\\.next|node_modules)", "\\.(db|pg)?\\.?test\\.tsx?$", "^lib/testing/", "remote-test-server"] },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: false,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
