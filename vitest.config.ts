import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root, "server-only": `${root}/lib/testing/server-only-noop.ts` } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "**/*.pg.test.ts", "**/*.pglite.test.ts"],
        },
      },
      ...(["postgres", "pglite"] as const).map((kind) => ({
        extends: true as const,
        test: {
          name: `db-${kind}`,
          // *.pg.test.ts: what needs interleaved transactions, which PGlite's single session cannot give;
          // *.pglite.test.ts: what only the embedded database's single session makes a question.
          include:
            kind === "postgres" ? ["lib/**/*.db.test.ts", "lib/**/*.pg.test.ts"] : ["lib/**/*.db.test.ts", "lib/**/*.pglite.test.ts"],
          env: { CM_TEST_DB: kind },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      })),
    ],
  },
});
