import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root, "server-only": `${root}/lib/testing/server-only-noop.ts` } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["lib/**/*.test.ts", "components/**/*.test.ts"], exclude: ["**/*.db.test.ts"] },
      },
      ...(["postgres", "pglite"] as const).map((kind) => ({
        extends: true as const,
        test: {
          name: `db-${kind}`,
          include: ["lib/**/*.db.test.ts"],
          env: { CM_TEST_DB: kind },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      })),
    ],
  },
});
