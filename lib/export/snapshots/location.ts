import path from "node:path";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { queryMaybeOne, sql } from "@/lib/db/sql";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** Where export snapshots live: CM_EXPORT_DIR, else `<CM_DATA_DIR>/exports`. */
export function exportRoot(): string {
  const e = env();
  return path.resolve(e.CM_EXPORT_DIR ?? path.join(e.CM_DATA_DIR, "exports"));
}

/**
 * The folder of this database's snapshots: `<root>/<database id>` (the random id its migration
 * stored in database_identity), so two databases sharing an export directory never collide.
 * Snapshots written before it (`<root>/<export id>`) stay where their row's `location` says.
 */
export async function databaseExportDir(db: Pick<Database, "pool">, root: string): Promise<string> {
  const identity = await queryMaybeOne(db.pool, sql`SELECT id FROM database_identity ORDER BY id LIMIT 1`, z.object({ id: z.string() }));
  if (!identity) throw new Error("database_identity is empty; the migration 20261206123000_database_identity was not applied");
  return path.join(root, identity.id);
}

/**
 * The absolute path of a file of a stored export, refusing paths that leave its directory
 * (`relative` comes from the manifest, or from a download request checked against it).
 */
export function fileInExport(location: string, relative: string): string {
  const full = path.resolve(location, relative);
  if (!full.startsWith(`${path.resolve(location)}${path.sep}`)) {
    throw new AppError("BAD_INPUT", `file: ${JSON.stringify(relative)} is outside the export`);
  }
  return full;
}
