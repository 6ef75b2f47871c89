import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { ensurePrivateDir, writePrivateFile } from "./private-files";

export type LockInfo = { pid: number; port: number | null; startedAt: string };

export function lockPath(dataDir: string): string {
  return join(dataDir, "embedded.lock.json");
}

/**
 * Atomically claims the data directory (created, or made, private to this user: 0700); false when
 * another process holds the lock file.
 */
export function tryClaim(dataDir: string): boolean {
  ensurePrivateDir(dataDir);
  try {
    const fd = openSync(lockPath(dataDir), "wx", 0o600);
    const info: LockInfo = { pid: process.pid, port: null, startedAt: new Date().toISOString() };
    writeSync(fd, JSON.stringify(info));
    closeSync(fd);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
}

export function readLock(dataDir: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(lockPath(dataDir), "utf8")) as LockInfo;
  } catch {
    return null;
  }
}

export function publishPort(dataDir: string, port: number): void {
  const info: LockInfo = { pid: process.pid, port, startedAt: new Date().toISOString() };
  writePrivateFile(lockPath(dataDir), JSON.stringify(info));
}

export function releaseLock(dataDir: string): void {
  const info = readLock(dataDir);
  if (info?.pid === process.pid) rmSync(lockPath(dataDir), { force: true });
}

export function removeStaleLock(dataDir: string): void {
  rmSync(lockPath(dataDir), { force: true });
}

/** Whether the process runs. A zombie does not: it died, and only its exit status is left to collect. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
  return !isZombie(pid);
}

// A killed process whose parent died first stays a zombie until PID 1 reaps it, and some container
// init processes never do; signal 0 still reaches a zombie.
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat[stat.lastIndexOf(")") + 2] === "Z";
  } catch {
    return false;
  }
}
