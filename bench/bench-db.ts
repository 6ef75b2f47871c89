import { readFileSync } from "node:fs";
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

/** CPU seconds (user + system) used so far by the process or thread whose /proc stat file is `path`; null if unreadable. */
function procCpu(path: string): number | null {
  try {
    const fields = readFileSync(path, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a local Postgres backend has used so far, from /proc; null if unreadable. */
export function backendCpu(pid: number | null): number | null {
  return pid === null ? null : procCpu(`/proc/${pid}/stat`);
}

/** CPU seconds of this process's main (JavaScript) thread so far; null where /proc is unreadable. */
export function mainThreadCpu(): number | null {
  return procCpu(`/proc/self/task/${process.pid}/stat`);
}

/** CPU seconds of this process so far, all threads. */
export function processCpu(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}
