import type { PoolClient } from "pg";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database } from "@/lib/db/client";
import { execute, queryMaybeOne, queryOne, queryRows, sql, type Queryable } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { JobCancelled } from "./job-cancelled";

// The state machine of a `pipeline_runs` row (select, generate, embed and bulk jobs):
// queued → running → succeeded | failed | cancelled, with progress, heartbeat and a cancel flag.

export type RunKind = "select" | "generate" | "embed" | "bulk";
export type RunningRun = { datasetId: number; pivot: string; config: unknown };
export type RunProgressRow = { done: number; total: number; failed: number };

/** Starts (or resumes) a queued or running run; null when it has already finished. */
export async function markRunning(db: Queryable, runId: number): Promise<RunningRun | null> {
  const r = await queryMaybeOne(
    db,
    sql`UPDATE pipeline_runs r SET status = 'running', started_at = coalesce(r.started_at, now()), heartbeat_at = now()
        FROM datasets d
        WHERE r.id = ${runId} AND d.id = r.dataset_id AND r.status IN ('queued', 'running')
        RETURNING r.dataset_id, d.pivot_language, r.config`,
    z.object({ dataset_id: z.number(), pivot_language: z.string(), config: z.unknown() }),
  );
  return r ? { datasetId: r.dataset_id, pivot: r.pivot_language, config: r.config } : null;
}

export async function markFailed(db: Queryable, runId: number, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  await execute(
    db,
    sql`UPDATE pipeline_runs SET status = 'failed', error = ${message}, finished_at = now() WHERE id = ${runId} AND status IN ('queued', 'running')`,
  );
}

export async function markCancelled(db: Queryable, runId: number): Promise<void> {
  await execute(db, sql`UPDATE pipeline_runs SET status = 'cancelled', finished_at = now() WHERE id = ${runId} AND status = 'running'`);
}

/** A run's checkpoint: reads its progress (reported first), then throws JobCancelled when its cancel was requested. */
export async function checkpointRun(db: Queryable, runId: number, report?: (p: RunProgressRow) => void): Promise<RunProgressRow> {
  const row = await queryOne(
    db,
    sql`SELECT cancel_requested, done_items, total_items, failed_items FROM pipeline_runs WHERE id = ${runId}`,
    z.object({ cancel_requested: z.boolean(), done_items: z.number(), total_items: z.number(), failed_items: z.number() }),
  );
  const progress = { done: row.done_items, total: row.total_items, failed: row.failed_items };
  report?.(progress);
  if (row.cancel_requested) throw new JobCancelled(`Run ${runId} was cancelled.`);
  return progress;
}

/** Counts a finished batch into the run's progress and beats its heartbeat. */
export async function addRunProgress(tx: Queryable, runId: number, done: number, failed = 0): Promise<void> {
  await execute(
    tx,
    sql`UPDATE pipeline_runs SET done_items = done_items + ${done}, failed_items = failed_items + ${failed}, heartbeat_at = now() WHERE id = ${runId}`,
  );
}

export async function touchRun(db: Queryable, runId: number): Promise<void> {
  await execute(db, sql`UPDATE pipeline_runs SET heartbeat_at = now() WHERE id = ${runId} AND status = 'running'`);
}

/** The kind of run `runId`, or null when there is none. */
export async function runKindOf(db: Queryable, runId: number): Promise<RunKind | null> {
  const row = await queryMaybeOne(db, sql`SELECT id, kind::text AS kind FROM pipeline_runs WHERE id = ${runId}`, ZRunRef);
  return row?.kind ?? null;
}

/** Running runs whose heartbeat lapsed (their worker died, on any machine), oldest first. */
export async function lapsedRuns(db: Queryable, lapseMs: number): Promise<{ id: number; kind: RunKind }[]> {
  return queryRows(
    db,
    sql`SELECT id, kind::text AS kind FROM pipeline_runs
        WHERE status = 'running' AND (heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => ${lapseMs}::float8 / 1000))
        ORDER BY id`,
    ZRunRef,
  );
}

/**
 * Marks a chunked run succeeded when every chunk is done; exactly one caller wins, and gets the run's
 * publishing cursor (the last group published by finishing steps, null: none). Null for the others.
 */
export async function finishRunIfChunksDone(tx: Queryable, runId: number): Promise<{ cursor: number | null } | null> {
  const row = await queryMaybeOne(
    tx,
    sql`UPDATE pipeline_runs SET status = 'succeeded', finished_at = coalesce(finished_at, now())
        WHERE id = ${runId} AND status = 'running'
          AND NOT EXISTS (SELECT 1 FROM run_chunks WHERE run_id = ${runId} AND status <> 'succeeded')
        RETURNING cursor_id`,
    z.object({ cursor_id: z.number().nullable() }),
  );
  return row && { cursor: row.cursor_id };
}

/**
 * Begins a finishing step of a chunked run whose chunks are all done: locks its row (finishers take
 * turns), beats its heartbeat and returns its publishing cursor; undefined when it is no longer
 * running or has a chunk left. The first step stamps finished_at: the run's results are final from
 * then (a reference correction made later is newer than the run, lib/effective-pair/reference-in-effect.ts).
 */
export async function beginFinishingStep(tx: Queryable, runId: number): Promise<number | null | undefined> {
  const row = await queryMaybeOne(
    tx,
    sql`UPDATE pipeline_runs SET heartbeat_at = now(), finished_at = coalesce(finished_at, now())
        WHERE id = ${runId} AND status = 'running'
          AND NOT EXISTS (SELECT 1 FROM run_chunks WHERE run_id = ${runId} AND status <> 'succeeded')
        RETURNING cursor_id`,
    z.object({ cursor_id: z.number().nullable() }),
  );
  return row === null ? undefined : row.cursor_id;
}

/** Moves a finishing run's publishing cursor, in the step's transaction. */
export async function movePublishCursor(tx: Queryable, runId: number, cursor: number): Promise<void> {
  await execute(tx, sql`UPDATE pipeline_runs SET cursor_id = ${cursor} WHERE id = ${runId}`);
}

const ZRunRef = z.object({ id: z.number(), kind: z.enum(["select", "generate", "embed", "bulk"]) });

export type NewRun = {
  datasetId: number;
  kind: RunKind;
  config: object;
  createdById: number | null;
  totalItems?: number;
  cursorId?: number | null;
};

/** Inserts a queued run row. */
export async function insertRun(tx: PoolClient, run: NewRun): Promise<number> {
  const row = await queryOne(
    tx,
    sql`INSERT INTO pipeline_runs (dataset_id, kind, status, config, created_by_id, total_items, cursor_id)
        VALUES (${run.datasetId}, ${run.kind}, 'queued', ${JSON.stringify(run.config)}, ${run.createdById}, ${run.totalItems ?? 0}, ${run.cursorId ?? null})
        RETURNING id`,
    z.object({ id: z.number() }),
  );
  return row.id;
}

export async function setRunTotal(tx: Queryable, runId: number, total: number): Promise<void> {
  await execute(tx, sql`UPDATE pipeline_runs SET total_items = ${total} WHERE id = ${runId}`);
}

/** Asks a run to stop; a queued run stops at once, a running one at its next checkpoint. */
export async function cancelRun(db: Database, runId: number, userId: number | null = null): Promise<string> {
  const row = await queryMaybeOne(
    db.pool,
    sql`UPDATE pipeline_runs SET cancel_requested = true,
               status = CASE WHEN status = 'queued' THEN 'cancelled'::"JobStatus" ELSE status END,
               finished_at = CASE WHEN status = 'queued' THEN now() ELSE finished_at END
        WHERE id = ${runId} RETURNING status::text, dataset_id, kind::text`,
    z.object({ status: z.string(), dataset_id: z.number(), kind: z.string() }),
  );
  if (!row) throw new AppError("NOT_FOUND", `No run ${runId}.`);
  await recordAuditEvent(db.pool, {
    datasetId: row.dataset_id,
    userId,
    action: `run.${row.kind}.cancel`,
    entity: "pipeline_run",
    entityId: runId,
    data: { status: row.status },
  });
  return row.status;
}

/** Runs left queued or running (a dead worker's, or never picked up), oldest first. */
export async function unfinishedRuns(db: Queryable): Promise<{ id: number; kind: RunKind }[]> {
  return queryRows(db, sql`SELECT id, kind::text AS kind FROM pipeline_runs WHERE status IN ('queued', 'running') ORDER BY id`, ZRunRef);
}
