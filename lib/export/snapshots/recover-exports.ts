import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { queryMaybeOne, queryRows, sql } from "@/lib/db/sql";
import { exportCursorName } from "./export-snapshot";

/**
 * Puts exports whose holder's heartbeat lapsed (the process died, on any machine) back in the queue:
 * removes what they wrote (partial directories, or a finished directory the row never recorded),
 * closes a cursor PGlite may still hold for them, and resets them to `queued` (`cancelled` if a cancel
 * was asked). Returns the ids re-queued.
 */
export async function recoverExports(db: Database, lapseMs: number): Promise<number[]> {
  const rows = await queryRows(
    db.pool,
    sql`SELECT id, claimed_by, location FROM exports
        WHERE status = 'running'
          AND (claimed_by IS NULL OR heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => ${lapseMs}::float8 / 1000))
        ORDER BY id`,
    z.object({ id: z.number(), claimed_by: z.string().nullable(), location: z.string().nullable() }),
  );
  const requeued: number[] = [];
  for (const row of rows) {
    if (row.location) await removeLeftovers(row.location);
    await db.pool.query(`CLOSE ${exportCursorName(row.id)}`).catch(() => undefined);
    const reset = await queryMaybeOne(
      db.pool,
      sql`UPDATE exports SET status = CASE WHEN cancel_requested THEN 'cancelled'::"JobStatus" ELSE 'queued'::"JobStatus" END,
                 claimed_by = NULL, rows_done = 0, location = NULL,
                 finished_at = CASE WHEN cancel_requested THEN now() END
          WHERE id = ${row.id} AND status = 'running' AND claimed_by IS NOT DISTINCT FROM ${row.claimed_by} RETURNING status::text`,
      z.object({ status: z.string() }),
    );
    if (reset?.status === "queued") requeued.push(row.id);
  }
  return requeued;
}

async function removeLeftovers(location: string): Promise<void> {
  const dir = path.dirname(location);
  const name = path.basename(location);
  const entries = await readdir(dir).catch(() => [] as string[]);
  for (const entry of entries) {
    if (entry === name || entry.startsWith(`${name}.partial-`)) await rm(path.join(dir, entry), { recursive: true, force: true });
  }
}
