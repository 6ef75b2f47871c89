import type { PoolClient } from "pg";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database } from "@/lib/db/client";
import { execute, queryMaybeOne, sql } from "@/lib/db/sql";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import type { RunOutcome } from "@/lib/jobs/chunk-loop";
import { insertRun, markCancelled, markFailed, markRunning } from "@/lib/jobs/run-row";
import { applyBulkBatch, countBulkTargets, hasBulkTargetsAfter, ZBulkRequest, type BulkSpec } from "./bulk";
import type { PairFilter } from "./table";

// A bulk action is a pipeline run of kind `bulk`: its status, progress (done_items of total_items),
// cancel flag and heartbeat are the run's (lib/jobs/run-row), and the worker runs it as job kind `bulk`.
// Each batch commits its decisions together with the run's keyset cursor (cursor_id, the last pair
// id done), so a worker killed mid-way loses only its open batch and a resume never decides twice.

export const BULK_BATCH = 500;

function audit(tx: PoolClient, datasetId: number, userId: number | null, action: string, runId: number, data: unknown) {
  return recordAuditEvent(tx, { datasetId, userId, action, entity: "pipeline_run", entityId: runId, data });
}

/** Queues nothing: records the job (status `queued`, its targets counted) and its audit event, atomically. */
export async function createBulkJob(
  db: Database,
  datasetId: number,
  filter: PairFilter,
  spec: BulkSpec,
  userId: number | null = null,
): Promise<{ runId: number; total: number }> {
  return withTransaction(db, async (tx) => {
    const total = await countBulkTargets(tx, datasetId, filter, spec);
    if (total === 0) throw new AppError("BAD_INPUT", `No pair of this filter result would change: nothing to ${spec.action}.`);
    const runId = await insertRun(tx, {
      datasetId,
      kind: "bulk",
      config: { filter, spec },
      createdById: userId,
      totalItems: total,
      cursorId: 0,
    });
    await audit(tx, datasetId, userId, `pairs.bulk.${spec.action}`, runId, { filter, spec, total });
    return { runId, total };
  });
}

const ZLocked = z.object({
  status: z.string(),
  cancel_requested: z.boolean(),
  cursor_id: z.number().nullable(),
  done_items: z.number(),
  dataset_id: z.number(),
  created_by_id: z.number().nullable(),
});
type Step = { outcome: RunOutcome } | { changed: number };

async function step(db: Database, runId: number, filter: PairFilter, spec: BulkSpec, size: number): Promise<Step> {
  return withTransaction(db, async (tx) => {
    // The run row's lock serialises workers sharing the job: each reads the cursor the last batch committed.
    const run = await queryMaybeOne(
      tx,
      sql`SELECT status::text, cancel_requested, cursor_id, done_items, dataset_id, created_by_id FROM pipeline_runs WHERE id = ${runId} FOR UPDATE`,
      ZLocked,
    );
    if (!run || run.status !== "running") return { outcome: "finished-before" };
    const user = run.created_by_id;
    if (run.cancel_requested) {
      await markCancelled(tx, runId);
      await audit(tx, run.dataset_id, user, "pairs.bulk.cancel", runId, { changed: run.done_items });
      return { outcome: "cancelled" };
    }
    const afterId = run.cursor_id ?? 0;
    const batch = { datasetId: run.dataset_id, runId, filter, spec, afterId, userId: user, size };
    const r = await applyBulkBatch(tx, batch);
    if (r.changed === 0 && !(await hasBulkTargetsAfter(tx, run.dataset_id, filter, spec, afterId))) {
      await execute(tx, sql`UPDATE pipeline_runs SET status = 'succeeded', finished_at = now(), heartbeat_at = now() WHERE id = ${runId}`);
      await audit(tx, run.dataset_id, user, "pairs.bulk.finish", runId, { changed: run.done_items });
      return { outcome: "succeeded" };
    }
    await execute(
      tx,
      sql`UPDATE pipeline_runs SET cursor_id = coalesce(${r.lastId}, cursor_id), done_items = done_items + ${r.changed}, heartbeat_at = now() WHERE id = ${runId}`,
    );
    return { changed: r.changed };
  });
}

export type BulkExecuteOptions = { batchSize?: number; onBatch?: (changed: number) => void | Promise<void> };

/**
 * Executes a bulk job batch by batch until it is done or cancelled; null when the run is not a bulk
 * job. Safe to call again after a crash, and from several workers at once.
 */
export async function executeBulkRun(db: Database, runId: number, opts: BulkExecuteOptions = {}): Promise<RunOutcome | null> {
  const kind = await queryMaybeOne(db.pool, sql`SELECT kind::text FROM pipeline_runs WHERE id = ${runId}`, z.object({ kind: z.string() }));
  if (kind?.kind !== "bulk") return null;
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
