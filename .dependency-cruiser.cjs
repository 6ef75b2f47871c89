// Folder dependency rules, checked by `npm run lint` (see CODE_STYLE.md).
// npm packages resolve to their path under node_modules.
const PACKAGES_WITH_IO = "(^|node_modules/)(pg|pg-boss|pg-copy-streams|openai|next|react|react-dom|@prisma/[^/]+|@electric-sql/[^/]+)(/|$)";
const IO = `^(node:)?(fs|fs/promises|net|http|https|child_process|worker_threads|os)$|${PACKAGES_WITH_IO}`;

const DATABASE_OR_NETWORK = `^(node:)?(net|http|https|child_process)$|${PACKAGES_WITH_IO}`;
const PURE = "^lib/(pipeline|demo|import/formats|export/formats)/|^lib/(text-direction|errors|input-limits)\\.ts$";

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
      from: { path: "^lib/(pipeline|demo)/", pathNot: "\\.test\\.ts$" },
      to: { path: [IO, "^lib/(db|generated|jobs)/"] },
    },
    {
      name: "format-folders-touch-no-database",
      comment: "Trainer and import formats read and write files only: no database, network or framework.",
      severity: "error",
      from: { path: "^lib/(import|export)/formats/", pathNot: "\\.test\\.ts$" },
      to: { path: [DATABASE_OR_NETWORK, "^lib/", "^app/", "^components/"], pathNot: PURE },
    },
    {
      name: "pure-folders-stay-pure",
      comment: "A pure folder imports only other pure code.",
      severity: "error",
      from: { path: "^lib/(pipeline|demo)/", pathNot: "\\.test\\.ts$" },
      to: { path: ["^lib/", "^app/", "^components/"], pathNot: PURE },
    },
    {
      name: "components-never-touch-the-database",
      severity: "error",
      from: { path: "^components/" },
      to: { path: ["^lib/(db|generated|jobs)/", "(^|node_modules/)(pg|pg-boss|@prisma/[^/]+)(/|$)"] },
    },
    {
      name: "test-support-only-in-tests",
      comment: "lib/testing is for tests, benchmarks and scripts; production code never imports it.",
      severity: "error",
      from: { path: "^(lib|app|components)/", pathNot: ["\\.test\\.tsx?$", "^lib/testing/"] },
      to: { path: "^lib/testing/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^(lib/generated|\\.next)", "\\.(db|pg)?\\.?test\\.tsx?$", "^lib/testing/"] },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: false,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
