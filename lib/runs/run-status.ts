import type { Pool } from "pg";
import { materializePairs } from "./materialize-pairs";
import { computeRunSummary } from "./summary";

export type RunningRun = { datasetId: number; pivot: string; config: unknown };

export async function markRunning(pool: Pool, runId: number): Promise<RunningRun | null> {
  const { rows } = await pool.query<{ dataset_id: number; pivot_language: string; config: unknown }>(
    `UPDATE pipeline_runs r SET status = 'running', started_at = coalesce(r.started_at, now()), heartbeat_at = now()
     FROM datasets d
     WHERE r.id = $1 AND d.id = r.dataset_id AND r.status IN ('queued', 'running')
     RETURNING r.dataset_id, d.pivot_language, r.config`,
    [runId],
  );
  const r = rows[0];
  return r ? { datasetId: r.dataset_id, pivot: r.pivot_language, config: r.config } : null;
}

export async function markFailed(pool: Pool, runId: number, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  await pool.query(
    `UPDATE pipeline_runs SET status = 'failed', error = $2, finished_at = now() WHERE id = $1 AND status IN ('queued', 'running')`,
    [runId, message],
  );
}

/** The one worker that sees the last chunk done marks the run succeeded and publishes its pairs. */
export async function finalizeIfDone(pool: Pool, runId: number, datasetId: number): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const won = await client.query(
      `UPDATE pipeline_runs SET status = 'succeeded', finished_at = now()
       WHERE id = $1 AND status = 'running'
         AND NOT EXISTS (SELECT 1 FROM run_chunks WHERE run_id = $1 AND status <> 'succeeded')`,
      [runId],
    );
    if (won.rowCount !== 1) {
      await client.query("ROLLBACK");
      return false;
    }
    await materializePairs(client, runId, datasetId);
    const summary = await computeRunSummary(client, runId);
    await client.query(`UPDATE pipeline_runs SET summary = $2 WHERE id = $1`, [runId, JSON.stringify(summary)]);
    await client.query("COMMIT");
    return true;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
