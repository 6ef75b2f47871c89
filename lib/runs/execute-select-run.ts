import type { Database } from "@/lib/db/client";
import { runChunked, type RunLoopOptions, type RunLoopProgress, type RunOutcome } from "@/lib/jobs/chunk-loop";
import { unfinishedChunks, type Chunk } from "@/lib/jobs/chunks";
import type { GroupSelection } from "@/lib/pipeline";
import { embedMissing } from "./embed-missing";
import { humanReferences } from "./human-references";
import { loadGroupInputs } from "./load-groups";
import { materializePairs } from "./materialize-pairs";
import { finalizeSelectRun } from "./run-status";
import { ZSelectRunConfig, type TSelectRunConfig } from "./schemas";
import { selectThreads, startSelectPool, type SelectPool } from "./select-pool";
import { computeRunSummary } from "./summary";
import { vectorPlan } from "./vector-plan";
import { writeSelections } from "./write-results";

export type RunProgress = RunLoopProgress;
export type ExecuteOptions = RunLoopOptions & {
  /** Threads scoring in this call (0 = the calling thread); default `selectThreads()`. */
  threads?: number;
};
export type ExecuteOutcome = RunOutcome;

async function selectChunk(
  db: Database,
  pool: SelectPool,
  datasetId: number,
  pivot: string,
  config: TSelectRunConfig,
  chunk: Chunk,
): Promise<GroupSelection[]> {
  const plan = vectorPlan(config);
  const groups = await loadGroupInputs(db.pool, datasetId, chunk, pivot, plan.model);
  const fixed = await humanReferences(db.pool, datasetId, chunk);
  if (plan.model && plan.embed) await embedMissing(db, datasetId, plan.model, groups);
  return pool.run({ groups, config: plan.pipeline, humanReferences: fixed });
}

/**
 * Works on a select run until no chunk is left to claim. Any number of workers may execute the same
 * run; the last one to finish materialises the pairs (on PGlite in steps of whole groups, the run
 * running until the last; see lib/jobs/transaction-budget.ts). Safe to call again after a crash. Scoring (chrF
 * is most of the CPU) runs on `threads` threads, and the call runs one chunk loop more than it has
 * threads (claimed as `<workerId>:<loop>`), so every thread has a chunk while one loop waits on the
 * database; a failing loop stops the others after their chunk.
 */
export async function executeSelectRun(db: Database, runId: number, opts: ExecuteOptions = {}): Promise<ExecuteOutcome> {
  // A lone chunk gains nothing from a thread; tests and small datasets skip starting them.
  const open = await unfinishedChunks(db.pool, runId);
  const pool = await startSelectPool(open > 1 ? Math.min(opts.threads ?? selectThreads(), open) : 0);
  let config: TSelectRunConfig | undefined;
  try {
    return await runChunked(
      db,
      runId,
      {
        // With no threads, two loops still overlap one chunk's scoring with the other's reads and writes.
        loops: Math.max(2, pool.threads + 1),
        work: (chunk, { run }) => {
          config ??= ZSelectRunConfig.parse(run.config);
          return selectChunk(db, pool, run.datasetId, run.pivot, config, chunk);
        },
        slice: (selections, from, to) => selections.filter((s) => Number(s.groupId) >= from && Number(s.groupId) <= to),
        commit: (tx, _chunk, selections, { run }) => writeSelections(tx, runId, run.datasetId, selections),
        publish: (tx, { run }, after, groups) => materializePairs(tx, runId, run.datasetId, after, groups),
        prepare: () => computeRunSummary(db.pool, runId),
        finalize: (tx, _ctx, summary) => finalizeSelectRun(tx, runId, summary),
      },
      opts,
    );
  } finally {
    await pool.close();
  }
}
