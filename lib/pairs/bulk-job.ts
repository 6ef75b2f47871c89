import type { PoolClient } from "pg";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ExecuteOutcome } from "@/lib/runs/execute-select-run";
import { markFailed, markRunning } from "@/lib/runs/run-status";
import { applyBulkBatch, countBulkTargets, hasBulkTargetsAfter, ZBulkRequest, type BulkSpec } from "./bulk";
import type { PairFilter } from "./table";

// A bulk action is a pipeline run of kind `bulk`: its status, progress (done_items of total_items),
// cancel flag and heartbeat are the run's, and the worker that executes select runs executes it.
// Each batch commits its decisions together with the run's keyset cursor (cursor_id, the last pair
// id done), so a worker killed mid-way loses only its open batch and a resume never decides twice.

export const BULK_BATCH = 500;

async function inTransaction<T>(db: Database, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

async function audit(client: PoolClient, datasetId: number, userId: number | null, action: string, runId: number, data: unknown) {
  await client.query(
    `INSERT INTO audit_events (dataset_id, user_id, action, entity, entity_id, data) VALUES ($1, $2, $3, 'pipeline_run', $4, $5)`,
    [datasetId, userId, action, String(runId), JSON.stringify(data)],
  );
}

/** Queues nothing: records the job (status `queued`, its targets counted) and its audit event, atomically. */
export async function createBulkJob(db: Database, datasetId: number, filter: PairFilter, spec: BulkSpec, userId: number | null = null): Promise<{ runId: number; total: number }> {
  return inTransaction(db, async (client) => {
    const total = await countBulkTargets(client, datasetId, filter, spec);
    if (total === 0) throw new AppError("BAD_INPUT", `No pair of this filter result would change: nothing to ${spec.action}.`);
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO pipeline_runs (dataset_id, kind, status, config, total_items, created_by_id, cursor_id)
       VALUES ($1, 'bulk', 'queued', $2, $3, $4, 0) RETURNING id`,
      [datasetId, JSON.stringify({ filter, spec }), total, userId],
    );
    const runId = rows[0]!.id;
    await audit(client, datasetId, userId, `pairs.bulk.${spec.action}`, runId, { filter, spec, total });
    return { runId, total };
  });
}

type Locked = { status: string; cancel_requested: boolean; cursor_id: number | null; done_items: number; dataset_id: number; created_by_id: number | null };
type Step = { outcome: ExecuteOutcome } | { changed: number };

async function step(db: Database, runId: number, filter: PairFilter, spec: BulkSpec, size: number): Promise<Step> {
  return inTransaction(db, async (client) => {
    // The run row's lock serialises workers sharing the job: each reads the cursor the last batch committed.
    const { rows } = await client.query<Locked>(
      `SELECT status, cancel_requested, cursor_id, done_items, dataset_id, created_by_id FROM pipeline_runs WHERE id = $1 FOR UPDATE`,
      [runId],
    );
    const run = rows[0];
    if (!run || run.status !== "running") return { outcome: "finished-before" };
    const user = run.created_by_id;
    if (run.cancel_requested) {
      await client.query(`UPDATE pipeline_runs SET status = 'cancelled', finished_at = now() WHERE id = $1`, [runId]);
      await audit(client, run.dataset_id, user, "pairs.bulk.cancel", runId, { changed: run.done_items });
      return { outcome: "cancelled" };
    }
    const afterId = run.cursor_id ?? 0;
    const batch = { datasetId: run.dataset_id, runId, filter, spec, afterId, userId: user, size };
    const r = await applyBulkBatch(client, batch);
    if (r.changed === 0 && !(await hasBulkTargetsAfter(client, run.dataset_id, filter, spec, afterId))) {
      await client.query(`UPDATE pipeline_runs SET status = 'succeeded', finished_at = now(), heartbeat_at = now() WHERE id = $1`, [runId]);
      await audit(client, run.dataset_id, user, "pairs.bulk.finish", runId, { changed: run.done_items });
      return { outcome: "succeeded" };
    }
    await client.query(
      `UPDATE pipeline_runs SET cursor_id = coalesce($2, cursor_id), done_items = done_items + $3, heartbeat_at = now() WHERE id = $1`,
      [runId, r.lastId, r.changed],
    );
    return { changed: r.changed };
  });
}

export type BulkExecuteOptions = { batchSize?: number; onBatch?: (changed: number) => void | Promise<void> };

/**
 * Executes a bulk job batch by batch until it is done or cancelled; null when the run is not a bulk
 * job. Safe to call again after a crash, and from several workers at once.
 */
export async function executeBulkRun(db: Database, runId: number, opts: BulkExecuteOptions = {}): Promise<ExecuteOutcome | null> {
  const kind = await db.pool.query<{ kind: string }>(`SELECT kind::text FROM pipeline_runs WHERE id = $1`, [runId]);
  if (kind.rows[0]?.kind !== "bulk") return null;
  const run = await markRunning(db.pool, runId);
  if (!run) return "finished-before";
  try {
    const { filter, spec } = ZBulkRequest.parse(run.config);
    for (;;) {
      const s = await step(db, runId, filter, spec, opts.batchSize ?? BULK_BATCH);
      if ("outcome" in s) return s.outcome;
      await opts.onBatch?.(s.changed);
    }
  } catch (e) {
    await markFailed(db.pool, runId, e);
    return "failed";
  }
}
