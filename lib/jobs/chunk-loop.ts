import { hostname } from "node:os";
import type { PoolClient } from "pg";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { advanceChunk, claimChunk, createChunks, groupsBetween, settleChunk, touchChunk, type Chunk, type ClaimedChunk } from "./chunks";
import { heartbeatLapseMs, keepBeating } from "./heartbeat";
import { isJobCancelled } from "./job-cancelled";
import { transactionBudget, type TransactionBudget } from "./transaction-budget";
import {
  addRunProgress,
  checkpointRun,
  finishRunIfChunksDone,
  insertRun,
  beginFinishingStep,
  movePublishCursor,
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
  /**
   * Groups per transaction (chunk slices and finishing steps): a number, or null for whole chunks and
   * one finishing transaction; unset: by the database (transaction-budget.ts).
   */
  transactionGroups?: number | null;
  /** Called after each of the run's transactions commits when they are short (tests read between them). */
  onCommitted?: () => Promise<void>;
};

/** What a job kind does with a chunk; the loop owns claiming, progress, cancel, finish and fail. */
export type ChunkedJob<R, F = unknown> = {
  /**
   * Present: the kind's transactions may be short (RunLoopOptions.transactionGroups; on PGlite by
   * default): a chunk's work is done once, over the groups earlier slices left, and its result is
   * committed in slices of groups, each the part this returns for the groups from `from` to `to`;
   * results are published in steps. Provider runs keep whole chunks, whose work batches provider calls.
   */
  slice?: (result: R, from: number, to: number) => R;
  /** Chunk loops per call; loop i claims as `<workerId>:<i>` when there is more than one. */
  loops?: number;
  /** The chunk's work outside the completing transaction (loading, provider calls). */
  work: (chunk: Chunk, ctx: ChunkContext) => Promise<R>;
  /** Items of the chunk that failed (counted into failed_items; the chunk keeps a note). */
  failedItems?: (result: R) => number;
  /** Writes the chunk's result in the transaction that marks it done, only while this worker holds it. */
  commit?: (tx: PoolClient, chunk: Chunk, result: R, ctx: ChunkContext) => Promise<void>;
  /**
   * Publishes the results of the groups after `after` (null: from the first), up to `groups` of them
   * (null: all); returns the last group published, null when none was left. Called in steps once every
   * chunk is done, each in a transaction of its own that moves the run's cursor (cursor_id), when
   * transactions are short (PGlite); then, for whatever is left (everything on Postgres), in the
   * transaction that marks the run succeeded. Readers see each step's groups change at once.
   */
  publish?: (tx: PoolClient, ctx: FinishContext, after: number | null, groups: number | null) => Promise<number | null>;
  /**
   * When transactions are short: runs before the finishing transaction, outside any transaction (so
   * readers are served between its statements); its result is handed to `finalize`.
   */
  prepare?: (ctx: FinishContext) => Promise<F>;
  /** Runs in the transaction that marks the run succeeded (the one worker that finished last), after `publish`. */
  finalize?: (tx: PoolClient, ctx: FinishContext, prepared: F | undefined) => Promise<void>;
};
export type FinishContext = Omit<ChunkContext, "workerId">;

export function defaultWorkerId(runId: number): string {
  return `${hostname()}:${process.pid}:${runId}`;
}

async function completeChunk<R>(db: Database, job: ChunkedJob<R>, chunk: Chunk, result: R, ctx: ChunkContext): Promise<void> {
  const failed = job.failedItems?.(result) ?? 0;
  await withTransaction(db, async (tx) => {
    if (!(await settleChunk(tx, chunk, ctx.workerId, failed))) return;
    await job.commit?.(tx, chunk, result, ctx);
    await addRunProgress(tx, ctx.runId, chunk.groups, failed);
  });
}

/**
 * Works what is left of a chunk (the groups after the last slice committed) at once, outside any
 * transaction (scoring batches stay whole), then commits its result in slices of `budget.groups`
 * groups, each (with the chunk's cursor and the run's progress) in a transaction of its own; the
 * last slice settles the chunk. Stops when another worker took the chunk over.
 */
async function completeInSlices<R>(
  db: Database,
  job: ChunkedJob<R> & { slice: NonNullable<ChunkedJob<R>["slice"]> },
  chunk: ClaimedChunk,
  ctx: ChunkContext,
  budget: TransactionBudget,
  onCommitted: RunLoopOptions["onCommitted"],
) {
  let after = chunk.cursorGroupId;
  let done = chunk.doneGroups;
  const rest: Chunk = {
    runId: chunk.runId,
    chunkNo: chunk.chunkNo,
    fromGroupId: after === null ? chunk.fromGroupId : after + 1,
    toGroupId: chunk.toGroupId,
    groups: chunk.groups - done,
  };
  const ids = await groupsBetween(db.pool, chunk.datasetId, rest.fromGroupId, chunk.toGroupId);
  const result = await job.work(rest, ctx);
  for (let i = 0; ; ) {
    const n = budget.groups;
    const from = after === null ? chunk.fromGroupId : after + 1;
    const last = ids.length - i <= n;
    const to = last ? chunk.toGroupId : ids[i + n - 1]!;
    // The last slice counts whatever the chunk was created with, so progress adds up as for a whole chunk.
    const groups = last ? chunk.groups - done : n;
    const slice: Chunk = { runId: chunk.runId, chunkNo: chunk.chunkNo, fromGroupId: from, toGroupId: to, groups };
    const part = job.slice(result, from, to);
    const failed = job.failedItems?.(part) ?? 0;
    const held = await withTransaction(db, async (tx) => {
      const t0 = performance.now();
      const ok = last
        ? await settleChunk(tx, chunk, ctx.workerId, failed)
        : await advanceChunk(tx, chunk, ctx.workerId, after, { to, groups, failed });
      if (!ok) return false;
      await job.commit?.(tx, slice, part, ctx);
      await addRunProgress(tx, ctx.runId, groups, failed);
      budget.took(performance.now() - t0, Math.min(ids.length - i, n));
      return true;
    });
    if (held) await onCommitted?.();
    if (!held || last) return;
    after = to;
    done += groups;
    i += n;
  }
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
  budget: TransactionBudget | null,
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
      if (budget && job.slice) await completeInSlices(db, { ...job, slice: job.slice }, chunk, ctx, budget, opts.onCommitted);
      else await completeChunk(db, job, chunk, await job.work(chunk, ctx), ctx);
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
export async function runChunked<R, F>(db: Database, runId: number, job: ChunkedJob<R, F>, opts: RunLoopOptions = {}): Promise<RunOutcome> {
  const workerId = opts.workerId ?? defaultWorkerId(runId);
  const run = await markRunning(db.pool, runId);
  if (!run) return "finished-before";
  const budget = job.slice ? await transactionBudget(db.pool, opts.transactionGroups) : null;
  const loops = job.loops ?? 1;
  const stop = new AbortController();
  const settled = await Promise.allSettled(
    Array.from({ length: loops }, (_, i) =>
      loop(db, runId, run, job as ChunkedJob<R>, loops > 1 ? `${workerId}:${i}` : workerId, opts, stop.signal, budget).catch(
        (e: unknown) => {
          stop.abort();
          throw e;
        },
      ),
    ),
  );
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === "rejected" && !isJobCancelled(s.reason));
  try {
    if (failure) throw failure.reason;
    if (settled.some((s) => s.status === "rejected")) return "cancelled";
    const ctx = { db, runId, run };
    let prepared: F | undefined;
    if (budget) {
      if (job.publish && !(await publishInSteps(db, ctx, job.publish, budget, opts.onCommitted))) return "shared";
      prepared = await job.prepare?.(ctx);
    }
    const won = await withTransaction(db, async (tx) => {
      const finished = await finishRunIfChunksDone(tx, runId);
      if (!finished) return false;
      await job.publish?.(tx, ctx, finished.cursor, null);
      await job.finalize?.(tx, ctx, prepared);
      return true;
    });
    return won ? "succeeded" : "shared";
  } catch (e) {
    await markFailed(db.pool, runId, e);
    return "failed";
  }
}

/**
 * The finishing phase in short transactions: each step publishes the next groups and moves the run's
 * cursor, under the run row's lock (concurrent finishers take turns; none publishes a group twice).
 * False when the run is no longer running or has a chunk left (another worker finished it).
 */
async function publishInSteps(
  db: Database,
  ctx: FinishContext,
  publish: NonNullable<ChunkedJob<unknown>["publish"]>,
  budget: TransactionBudget,
  onCommitted: RunLoopOptions["onCommitted"],
): Promise<boolean> {
  for (;;) {
    const step = await withTransaction(db, async (tx) => {
      const cursor = await beginFinishingStep(tx, ctx.runId);
      if (cursor === undefined) return "lost";
      const t0 = performance.now();
      const n = budget.groups;
      const last = await publish(tx, ctx, cursor, n);
      if (last === null) return "done";
      await movePublishCursor(tx, ctx.runId, last);
      budget.took(performance.now() - t0, n);
      return "more";
    });
    if (step !== "more") return step === "done";
    await onCommitted?.();
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
