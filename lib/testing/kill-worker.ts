import { spawn, type ChildProcess } from "node:child_process";

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
