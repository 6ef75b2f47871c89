import { hostname } from "node:os";
import type { Database } from "@/lib/db/client";
import { selectGroup, selectGroupWithReference, type GroupInput, type GroupSelection, type TSelectConfigInput } from "@/lib/pipeline";
import { claimChunk, type Chunk } from "./chunks";
import { embedMissing } from "./embed-missing";
import { humanReferences } from "./human-references";
import { loadGroupInputs } from "./load-groups";
import { finalizeIfDone, markFailed, markRunning, type RunningRun } from "./run-status";
import { ZSelectRunConfig, type TSelectRunConfig } from "./schemas";
import { vectorPlan } from "./vector-plan";
import { writeSelections } from "./write-results";

export type RunProgress = { runId: number; done: number; total: number };
export type ExecuteOptions = {
  workerId?: string;
  /** A chunk whose worker has been silent this long is taken over (the worker died). */
  staleMs?: number;
  onProgress?: (p: RunProgress) => void;
};
export type ExecuteOutcome = "succeeded" | "cancelled" | "failed" | "shared" | "finished-before";

async function processChunk(db: Database, runId: number, datasetId: number, pivot: string, config: TSelectRunConfig, chunk: Chunk, workerId: string) {
  const plan = vectorPlan(config);
  const groups = await loadGroupInputs(db.pool, datasetId, chunk, pivot, plan.model);
  const fixed = await humanReferences(db.pool, datasetId, chunk);
  if (plan.model && plan.embed) await embedMissing(db, datasetId, plan.model, groups);
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    await writeSelections(client, runId, datasetId, groups.map((g) => select(g, plan.pipeline, fixed.get(g.groupId))));
    const mine = await client.query(
      `UPDATE run_chunks SET status = 'succeeded' WHERE run_id = $1 AND chunk_no = $2 AND claimed_by = $3 AND status = 'running'`,
      [runId, chunk.chunkNo, workerId],
    );
    if (mine.rowCount !== 1) {
      await client.query("ROLLBACK"); // another worker took the chunk over; its result counts, not ours
      return;
    }
    await client.query(`UPDATE pipeline_runs SET done_items = done_items + $2, heartbeat_at = now() WHERE id = $1`, [runId, chunk.groups]);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/** A reference a human corrected is kept: the run scores the group against it. */
function select(group: GroupInput, config: TSelectConfigInput, humanReference: string | undefined): GroupSelection {
  if (humanReference !== undefined && group.candidates.some((c) => c.id === humanReference && c.text.trim() !== "")) {
    return selectGroupWithReference(group, config, humanReference);
  }
  return selectGroup(group, config);
}

/** Chunk loops per call: while one computes, the other waits on the database (~17% faster on 2 cores). */
const CHUNK_LOOPS = 2;

/** Claims and processes chunks until none is left, the run is cancelled, or `stop` fires. */
async function workChunks(
  db: Database, runId: number, run: RunningRun, config: TSelectRunConfig, workerId: string, opts: ExecuteOptions, stop: AbortSignal,
): Promise<"done" | "cancelled"> {
  while (!stop.aborted) {
    const state = await db.pool.query<{ cancel_requested: boolean; done_items: number; total_items: number }>(
      `SELECT cancel_requested, done_items, total_items FROM pipeline_runs WHERE id = $1`,
      [runId],
    );
    const row = state.rows[0]!;
    opts.onProgress?.({ runId, done: row.done_items, total: row.total_items });
    if (row.cancel_requested) {
      await db.pool.query(`UPDATE pipeline_runs SET status = 'cancelled', finished_at = now() WHERE id = $1 AND status = 'running'`, [runId]);
      return "cancelled";
    }
    const chunk = await claimChunk(db.pool, runId, workerId, opts.staleMs ?? 120_000);
    if (!chunk) break;
    await processChunk(db, runId, run.datasetId, run.pivot, config, chunk, workerId);
  }
  return "done";
}

/**
 * Works on a select run until no chunk is left to claim. Any number of workers may execute the same
 * run; the last one to finish materialises the pairs. Safe to call again after a crash. Each call runs
 * CHUNK_LOOPS loops (claimed as `<workerId>:<loop>`); a failing loop stops the others after their chunk.
 */
export async function executeSelectRun(db: Database, runId: number, opts: ExecuteOptions = {}): Promise<ExecuteOutcome> {
  const workerId = opts.workerId ?? `${hostname()}:${process.pid}:${runId}`;
  const run = await markRunning(db.pool, runId);
  if (!run) return "finished-before";
  const config = ZSelectRunConfig.parse(run.config);
  const stop = new AbortController();
  const loops = Array.from({ length: CHUNK_LOOPS }, (_, i) =>
    workChunks(db, runId, run, config, `${workerId}:${i}`, opts, stop.signal).catch((e: unknown) => {
      stop.abort();
      throw e;
    }),
  );
  const settled = await Promise.allSettled(loops);
  const failure = settled.find((s) => s.status === "rejected");
  try {
    if (failure) throw failure.reason;
    if (settled.some((s) => s.status === "fulfilled" && s.value === "cancelled")) return "cancelled";
    return (await finalizeIfDone(db.pool, runId, run.datasetId)) ? "succeeded" : "shared";
  } catch (e) {
    await markFailed(db.pool, runId, e);
    return "failed";
  }
}
