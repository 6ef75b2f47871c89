import { hostname } from "node:os";
import type { PoolClient } from "pg";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database } from "@/lib/db/client";
import { claimChunk, createChunks, type Chunk } from "@/lib/runs/chunks";
import { markFailed, markRunning, type RunningRun } from "@/lib/runs/run-status";

export type ItemFailure = { groupId: number; language: string; error: string };
export type ChunkOutcome = { failures: ItemFailure[]; counters: Record<string, number> };
export type ChunkContext = { run: RunningRun; runId: number; workerId: string; db: Database };
export type RunOutcome = "succeeded" | "cancelled" | "failed" | "shared" | "finished-before";
export type RunLoopOptions = { workerId?: string; staleMs?: number; onProgress?: (p: { done: number; total: number; failed: number }) => void };

/** The summary keeps this many failures; failed_items counts them all. */
const MAX_LISTED_FAILURES = 200;

type Summary = { counters: Record<string, number>; failures: ItemFailure[] };

/** Marks the chunk done and folds its outcome into the run, unless another worker took the chunk over. */
async function completeChunk(client: PoolClient, runId: number, chunk: Chunk, workerId: string, outcome: ChunkOutcome): Promise<void> {
  await client.query("BEGIN");
  try {
    const mine = await client.query(
      `UPDATE run_chunks SET status = 'succeeded', error = $4 WHERE run_id = $1 AND chunk_no = $2 AND claimed_by = $3 AND status = 'running'`,
      [runId, chunk.chunkNo, workerId, outcome.failures.length > 0 ? `${outcome.failures.length} failed items` : null],
    );
    if (mine.rowCount !== 1) return void (await client.query("ROLLBACK"));
    const { rows } = await client.query<{ summary: Summary | null }>(`SELECT summary FROM pipeline_runs WHERE id = $1 FOR UPDATE`, [runId]);
    const summary: Summary = { counters: {}, failures: [], ...(rows[0]?.summary ?? {}) };
    for (const [k, v] of Object.entries(outcome.counters)) summary.counters[k] = (summary.counters[k] ?? 0) + v;
    summary.failures = [...summary.failures, ...outcome.failures].slice(0, MAX_LISTED_FAILURES);
    await client.query(
      `UPDATE pipeline_runs SET done_items = done_items + $2, failed_items = failed_items + $3, summary = $4, heartbeat_at = now() WHERE id = $1`,
      [runId, chunk.groups, outcome.failures.length, JSON.stringify(summary)],
    );
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  }
}

async function finalize(db: Database, runId: number): Promise<boolean> {
  const won = await db.pool.query(
    `UPDATE pipeline_runs SET status = 'succeeded', finished_at = now()
     WHERE id = $1 AND status = 'running' AND NOT EXISTS (SELECT 1 FROM run_chunks WHERE run_id = $1 AND status <> 'succeeded')`,
    [runId],
  );
  return won.rowCount === 1;
}

/**
 * Claims chunks of a generate or embed run until none is left; any number of workers may share a
 * run, and a chunk of a dead worker is claimed again (its finished items are kept, so only what is
 * missing is requested).
 */
export async function runChunked(
  db: Database,
  runId: number,
  work: (chunk: Chunk, ctx: ChunkContext) => Promise<ChunkOutcome>,
  opts: RunLoopOptions = {},
): Promise<RunOutcome> {
  const workerId = opts.workerId ?? `${hostname()}:${process.pid}:${runId}`;
  const run = await markRunning(db.pool, runId);
  if (!run) return "finished-before";
  try {
    for (;;) {
      const { rows } = await db.pool.query<{ cancel_requested: boolean; done_items: number; total_items: number; failed_items: number }>(
        `SELECT cancel_requested, done_items, total_items, failed_items FROM pipeline_runs WHERE id = $1`,
        [runId],
      );
      const state = rows[0]!;
      opts.onProgress?.({ done: state.done_items, total: state.total_items, failed: state.failed_items });
      if (state.cancel_requested) {
        await db.pool.query(`UPDATE pipeline_runs SET status = 'cancelled', finished_at = now() WHERE id = $1 AND status = 'running'`, [runId]);
        return "cancelled";
      }
      const chunk = await claimChunk(db.pool, runId, workerId, opts.staleMs ?? 120_000);
      if (!chunk) break;
      const outcome = await work(chunk, { run, runId, workerId, db });
      const client = await db.pool.connect();
      try {
        await completeChunk(client, runId, chunk, workerId, outcome);
      } finally {
        client.release();
      }
    }
    return (await finalize(db, runId)) ? "succeeded" : "shared";
  } catch (e) {
    await markFailed(db.pool, runId, e);
    return "failed";
  }
}

/** Keeps a long chunk from looking abandoned; false when another worker has taken it over. */
export async function touchChunk(client: Pick<PoolClient, "query">, chunk: Chunk, workerId: string): Promise<boolean> {
  const res = await client.query(`UPDATE run_chunks SET claimed_at = now() WHERE run_id = $1 AND chunk_no = $2 AND claimed_by = $3`, [chunk.runId, chunk.chunkNo, workerId]);
  return res.rowCount === 1;
}

/** Inserts a queued run of `kind` with its chunks; returns the run id and its group count. */
export async function insertChunkedRun(db: Database, datasetId: number, kind: "generate" | "embed", config: object, chunkSize: number, createdById: number | null) {
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO pipeline_runs (dataset_id, kind, status, config, created_by_id) VALUES ($1, $2, 'queued', $3, $4) RETURNING id`,
      [datasetId, kind, JSON.stringify(config), createdById],
    );
    const runId = rows[0]!.id;
    const groups = await createChunks(client, runId, datasetId, chunkSize);
    await client.query(`UPDATE pipeline_runs SET total_items = $2 WHERE id = $1`, [runId, groups]);
    await recordAuditEvent(client, { datasetId, userId: createdById, action: `run.${kind}.create`, entity: "pipeline_run", entityId: runId, data: { config, groups } });
    await client.query("COMMIT");
    return { runId, groups };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
