import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensurePrivateDir } from "@/lib/db/private-files";
import { env } from "@/lib/env";

/**
 * CM_AUTH_SECRET, or a random secret created on first use and kept (mode 0600) in
 * `<CM_DATA_DIR>/auth-secret`, so sessions survive restarts and every process on this data dir agrees.
 */
export function authSecret(): string {
  const e = env();
  if (e.CM_AUTH_SECRET) return e.CM_AUTH_SECRET;
  const file = path.join(e.CM_DATA_DIR, "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  ensurePrivateDir(e.CM_DATA_DIR);
  try {
    writeFileSync(file, randomBytes(32).toString("base64url") + "\n", { mode: 0o600, flag: "wx" });
  } catch (err) {
    // Another process wrote it first: use theirs.
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  return readFileSync(file, "utf8").trim();
}
