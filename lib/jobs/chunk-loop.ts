import { hostname } from "node:os";
import type { PoolClient } from "pg";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { claimChunk, createChunks, settleChunk, touchChunk, type Chunk } from "./chunks";
import { heartbeatLapseMs, keepBeating } from "./heartbeat";
import { isJobCancelled } from "./job-cancelled";
import {
  addRunProgress,
  checkpointRun,
  finishRunIfChunksDone,
  insertRun,
  markCancelled,
  touchRun,
  markFailed,
  markRunning,
  setRunTotal,
  type RunningRun,
} from "./run-row";

export type RunOutcome = "succeeded" | "cancelled" | "failed" | "shared" | "finished-before";
export type ChunkContext = { db: Database; runId: number; run: RunningRun; workerId: string };
export type RunLoopProgress = { runId: number; done: number; total: number; failed: number };
export type RunLoopOptions = {
  workerId?: string;
  /** A chunk whose worker has been silent this long is taken over (the worker died). */
  staleMs?: number;
  onProgress?: (p: RunLoopProgress) => void;
};

/** What a job kind does with a chunk; the loop owns claiming, progress, cancel, finish and fail. */
export type ChunkedJob<R> = {
  /** Chunk loops per call; loop i claims as `<workerId>:<i>` when there is more than one. */
  loops?: number;
  /** The chunk's work outside the completing transaction (loading, provider calls). */
  work: (chunk: Chunk, ctx: ChunkContext) => Promise<R>;
  /** Items of the chunk that failed (counted into failed_items; the chunk keeps a note). */
  failedItems?: (result: R) => number;
  /** Writes the chunk's result in the transaction that marks it done, only while this worker holds it. */
  commit?: (tx: PoolClient, chunk: Chunk, result: R, ctx: ChunkContext) => Promise<void>;
  /** Runs in the transaction that marks the run succeeded (the one worker that finished last). */
  finalize?: (tx: PoolClient, ctx: Omit<ChunkContext, "workerId">) => Promise<void>;
};

export function defaultWorkerId(runId: number): string {
  return `${hostname()}:${process.pid}:${runId}`;
}

async function completeChunk<R>(db: Database, job: ChunkedJob<R>, chunk: Chunk, result: R, ctx: ChunkContext): Promise<void> {
  const failed = job.failedItems?.(result) ?? 0;
  await withTransaction(db, async (tx) => {
    if (!(await settleChunk(tx, chunk, ctx.workerId, failed > 0 ? `${failed} failed items` : null))) return;
    await job.commit?.(tx, chunk, result, ctx);
    await addRunProgress(tx, ctx.runId, chunk.groups, failed);
  });
}

/** The heartbeat of a worker on a chunk: the chunk's claim and the run's heartbeat_at. */
async function beat(db: Database, chunk: Chunk, workerId: string): Promise<void> {
  if (await touchChunk(db.pool, chunk, workerId)) await touchRun(db.pool, chunk.runId);
}

async function loop<R>(
  db: Database,
  runId: number,
  run: RunningRun,
  job: ChunkedJob<R>,
  workerId: string,
  opts: RunLoopOptions,
  stop: AbortSignal,
) {
  while (!stop.aborted) {
    try {
      await checkpointRun(db.pool, runId, (p) => opts.onProgress?.({ runId, ...p }));
    } catch (e) {
      if (isJobCancelled(e)) await markCancelled(db.pool, runId);
      throw e;
    }
    const lapseMs = opts.staleMs ?? heartbeatLapseMs();
    const chunk = await claimChunk(db.pool, runId, workerId, lapseMs);
    if (!chunk) return;
    const ctx = { db, runId, run, workerId };
    const stopBeating = keepBeating(lapseMs, () => beat(db, chunk, workerId));
    try {
      await completeChunk(db, job, chunk, await job.work(chunk, ctx), ctx);
    } finally {
      stopBeating();
    }
  }
}

/**
 * Works on a chunked run until no chunk is left to claim. Any number of workers (on any machine) may
 * execute the same run; the last one to finish marks it succeeded. Safe to call again after a crash:
 * a dead worker's chunk is claimed again once its heartbeat lapsed. A failing loop stops the others
 * after their chunk.
 */
export async function runChunked<R>(db: Database, runId: number, job: ChunkedJob<R>, opts: RunLoopOptions = {}): Promise<RunOutcome> {
  const workerId = opts.workerId ?? defaultWorkerId(runId);
  const run = await markRunning(db.pool, runId);
  if (!run) return "finished-before";
  const loops = job.loops ?? 1;
  const stop = new AbortController();
  const settled = await Promise.allSettled(
    Array.from({ length: loops }, (_, i) =>
      loop(db, runId, run, job, loops > 1 ? `${workerId}:${i}` : workerId, opts, stop.signal).catch((e: unknown) => {
        stop.abort();
        throw e;
      }),
    ),
  );
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === "rejected" && !isJobCancelled(s.reason));
  try {
    if (failure) throw failure.reason;
    if (settled.some((s) => s.status === "rejected")) return "cancelled";
    const won = await withTransaction(db, async (tx) => {
      if (!(await finishRunIfChunksDone(tx, runId))) return false;
      await job.finalize?.(tx, { db, runId, run });
      return true;
    });
    return won ? "succeeded" : "shared";
  } catch (e) {
    await markFailed(db.pool, runId, e);
    return "failed";
  }
}

/** Inserts a queued run of `kind` with its chunks and its audit event, atomically; returns the run id and its group count. */
export async function insertChunkedRun(
  db: Database,
  datasetId: number,
  kind: "select" | "generate" | "embed",
  config: object,
  chunkSize: number,
  createdById: number | null,
  check?: (groups: number) => void,
): Promise<{ runId: number; groups: number }> {
  return withTransaction(db, async (tx) => {
    const runId = await insertRun(tx, { datasetId, kind, config, createdById });
    const groups = await createChunks(tx, runId, datasetId, chunkSize);
    check?.(groups);
    await setRunTotal(tx, runId, groups);
    await recordAuditEvent(tx, {
      datasetId,
      userId: createdById,
      action: `run.${kind}.create`,
      entity: "pipeline_run",
      entityId: runId,
      data: { config, groups },
    });
    return { runId, groups };
  });
}
