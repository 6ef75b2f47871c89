import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import type { Database } from "@/lib/db/client";
import { exportCursorName } from "./export-snapshot";
import { isDeadLocalProcess } from "./worker-id";

/** A holder on another machine that has not written progress for this long is taken for dead. */
export const STALE_HEARTBEAT_MINUTES = 10;

/**
 * Puts exports whose process died back in the queue: removes what they wrote (partial directories,
 * or a finished directory the row never recorded), closes a cursor PGlite may still hold for them,
 * and resets them to `queued` (`cancelled` if a cancel was asked). Returns the ids re-queued.
 */
export async function recoverExports(db: Database): Promise<number[]> {
  const { rows } = await db.pool.query<{ id: number; claimed_by: string | null; location: string | null; stale: boolean }>(
    `SELECT id, claimed_by, location, heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(mins => $1) AS stale
     FROM exports WHERE status = 'running' ORDER BY id`,
    [STALE_HEARTBEAT_MINUTES],
  );
  const requeued: number[] = [];
  for (const row of rows) {
    if (!(row.claimed_by === null || row.stale || isDeadLocalProcess(row.claimed_by))) continue;
    if (row.location) await removeLeftovers(row.location);
    await db.pool.query(`CLOSE ${exportCursorName(row.id)}`).catch(() => undefined);
    const { rows: reset } = await db.pool.query<{ status: string }>(
      `UPDATE exports SET status = CASE WHEN cancel_requested THEN 'cancelled'::"JobStatus" ELSE 'queued'::"JobStatus" END,
              claimed_by = NULL, rows_done = 0, location = NULL,
              finished_at = CASE WHEN cancel_requested THEN now() END
       WHERE id = $1 AND status = 'running' AND claimed_by IS NOT DISTINCT FROM $2 RETURNING status::text`,
      [row.id, row.claimed_by],
    );
    if (reset[0]?.status === "queued") requeued.push(row.id);
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
