import { readdir, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { env } from "@/lib/env";

/** Where uploads imported with "skip invalid" leave their rejected records (one file per import). */
export function uploadRejectsDir(): string {
  return resolve(env().CM_DATA_DIR, "rejects");
}

/** Where an upload is written before it is imported, on the embedded database (see upload-spool.ts). */
export function uploadSpoolDir(): string {
  return resolve(env().CM_DATA_DIR, "uploads");
}

export function uploadRejectsPath(importId: number): string {
  return join(uploadRejectsDir(), `import-${importId}.jsonl`);
}

/** Where the app serves an upload's rejects, for as long as they are kept. */
export function uploadRejectsUrl(slug: string, importId: number): string {
  return `/api/datasets/${encodeURIComponent(slug)}/imports/${importId}/rejects`;
}

function keepMs(): number {
  return env().CM_REJECTS_KEEP_HOURS * 3_600_000;
}

/**
 * Deletes rejects files older than CM_REJECTS_KEEP_HOURS, and spooled uploads as old (left by a
 * server that stopped mid-import); answers how many.
 */
export async function sweepUploadFiles(now = Date.now()): Promise<number> {
  return (await sweepOlder(uploadRejectsDir(), now)) + (await sweepOlder(uploadSpoolDir(), now));
}

async function sweepOlder(dir: string, now: number): Promise<number> {
  const names = await readdir(dir).catch((e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? [] : Promise.reject(e)));
  let removed = 0;
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (info?.isFile() && now - info.mtimeMs > keepMs()) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}

/** The path and size of an upload's rejects while they are kept, else null. */
export async function keptUploadRejects(importId: number, now = Date.now()): Promise<{ path: string; size: number } | null> {
  const path = uploadRejectsPath(importId);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile() || now - info.mtimeMs > keepMs()) return null;
  return { path, size: info.size };
}
