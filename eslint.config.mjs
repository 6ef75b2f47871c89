import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const pureImports = {
  patterns: [
    {
      group: ["@/lib/db/*", "@/lib/generated/*", "@prisma/*", "pg", "next", "next/*", "openai", "react"],
      message: "lib/pipeline is pure: no I/O, no framework.",
    },
  ],
};

const config = [
  {
    ignores: [
      "**/.scratch/**",
      "lib/generated/**",
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      ".data/**",
      ".data-*/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "max-lines": ["warn", { max: 400, skipBlankLines: true, skipComments: true }],
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: "Read the environment through lib/env.ts." },
      ],
    },
  },
  {
    files: [
      "lib/env.ts",
      "next.config.ts",
      "lib/testing/**",
      "scripts/**",
      "e2e/**",
      "playwright.config.ts",
      "prisma.config.ts",
      "bench/**",
      "**/*.test.ts",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
  // Test files list cases; the formatter's one-argument-per-line layout made a few pass 400.
  { files: ["**/*.test.ts", "**/*.test.tsx"], rules: { "max-lines": ["warn", { max: 500, skipBlankLines: true, skipComments: true }] } },
  { files: ["lib/pipeline/**"], rules: { "no-restricted-imports": ["error", pureImports] } },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db/*", "@/lib/*/queries", "@/lib/*/mutations", "@/lib/jobs/*"],
              message: "Components render; data comes from pages.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
