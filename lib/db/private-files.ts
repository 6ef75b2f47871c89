import { chmodSync, lstatSync, mkdirSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Creates `dir` (and missing parents) readable by this user only, and makes an existing one so. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Writes a file only this user can read (0600), atomically: readers never see half of it. */
export function writePrivateFile(file: string, content: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, content, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}

/** Takes group and other permissions off everything under `dir` (folders 0700 at most, files 0600). */
export function makeTreePrivate(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    chmodSync(full, lstatSync(full).mode & 0o700);
    if (entry.isDirectory()) makeTreePrivate(full);
  }
  chmodSync(dir, lstatSync(dir).mode & 0o700);
}
