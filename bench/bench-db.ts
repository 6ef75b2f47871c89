import { getDatabase, type Database } from "@/lib/db/client";
import { env } from "@/lib/env";

/** Benchmarks run against DATABASE_URL (a real Postgres), never the embedded database. */
export async function benchDatabase(): Promise<Database> {
  if (!env().DATABASE_URL) {
    process.stderr.write("Set DATABASE_URL to a Postgres database for benchmarks (e.g. postgresql://postgres@127.0.0.1:5432/cm_bench).\n");
    process.exit(2);
  }
  return getDatabase();
}

export function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

export const seconds = (ms: number) => (ms / 1000).toFixed(2);
