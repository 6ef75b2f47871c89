// `prisma generate` needs no schema engine, but Prisma looks for one unless told where it is;
// its CDN is unreachable here, so point it at any existing file (DESIGN.md section 4).
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath };
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
