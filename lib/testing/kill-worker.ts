import { spawn, type ChildProcess } from "node:child_process";
import type { Database } from "@/lib/db/client";

// Test support for the kill -9 resume tests of every job kind: `npm run worker`'s entry in a process
// group of its own (so SIGKILL reaches tsx's node child too), with a short heartbeat lapse so the
// next worker takes the dead one's work over without waiting two minutes.

export const TEST_LAPSE_MS = 2_000;

export function spawnWorker(databaseUrl: string, env: Record<string, string> = {}): ChildProcess {
  return spawn("npx", ["tsx", "lib/worker/main.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, CM_JOB_HEARTBEAT_LAPSE_MS: String(TEST_LAPSE_MS), ...env },
    detached: true,
    stdio: "ignore",
  });
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));
}

/** SIGKILL to the child's whole process group; resolves once it is gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  process.kill(-child.pid!, "SIGKILL");
  await exited(child);
}

/** SIGTERM (a graceful stop) to the child's process group; resolves once it is gone. */
export async function stopGracefully(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  process.kill(-child.pid!, "SIGTERM");
  await exited(child);
}

export async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 90_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`timed out waiting; last value ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Runs a `lib/testing/crash-mid-*.ts` script in a process group of its own and kills it (kill -9) as soon
 * as it prints "mid" (or has ended by itself), so that it dies holding its work half done.
 */
export async function killMidway(databaseUrl: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  const child = spawn("npx", ["tsx", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, CM_JOB_HEARTBEAT_LAPSE_MS: String(TEST_LAPSE_MS), ...env },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  let out = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  await waitFor(async () => out.includes("mid") || child.exitCode !== null, Boolean);
  await killHard(child);
}

/**
 * The kill -9 resume of a job: a worker is killed once `read()` shows it `started`, then a second worker
 * runs until `read()` shows it `finished` and is stopped gracefully. Returns what `read()` gave when the
 * first was killed, right after, and at the end. No worker is left running when it returns or throws.
 */
export async function killThenResume<T>(
  databaseUrl: string,
  read: () => Promise<T>,
  started: (v: T) => boolean,
  finished: (v: T) => boolean,
): Promise<{ atKill: T; afterKill: T; done: T }> {
  const workers: ChildProcess[] = [];
  try {
    const first = spawnWorker(databaseUrl);
    workers.push(first);
    const atKill = await waitFor(read, started);
    await killHard(first);
    const afterKill = await read();
    const second = spawnWorker(databaseUrl);
    workers.push(second);
    const done = await waitFor(read, finished);
    await stopGracefully(second);
    return { atKill, afterKill, done };
  } finally {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) await killHard(w);
  }
}

/** killThenResume for a pipeline run (generate, embed): its row when the first worker was killed, right after, and at its end. */
export const killThenResumeRun = (t: { db: Database; url: string }, runId: number) =>
  killThenResume(
    t.url,
    () => t.db.prisma.pipelineRun.findUniqueOrThrow({ where: { id: runId } }),
    (r) => r.doneItems > 0,
    (r) => r.status !== "running",
  );
