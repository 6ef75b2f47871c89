import type { Database } from "@/lib/db/client";
import { runChunked, type RunLoopOptions, type RunLoopProgress, type RunOutcome } from "@/lib/jobs/chunk-loop";
import type { Chunk } from "@/lib/jobs/chunks";
import { selectGroup, selectGroupWithReference, type GroupInput, type GroupSelection, type TSelectConfigInput } from "@/lib/pipeline";
import { embedMissing } from "./embed-missing";
import { humanReferences } from "./human-references";
import { loadGroupInputs } from "./load-groups";
import { finalizeSelectRun } from "./run-status";
import { ZSelectRunConfig, type TSelectRunConfig } from "./schemas";
import { vectorPlan } from "./vector-plan";
import { writeSelections } from "./write-results";

export type RunProgress = RunLoopProgress;
export type ExecuteOptions = RunLoopOptions;
export type ExecuteOutcome = RunOutcome;

async function selectChunk(
  db: Database,
  datasetId: number,
  pivot: string,
  config: TSelectRunConfig,
  chunk: Chunk,
): Promise<GroupSelection[]> {
  const plan = vectorPlan(config);
  const groups = await loadGroupInputs(db.pool, datasetId, chunk, pivot, plan.model);
  const fixed = await humanReferences(db.pool, datasetId, chunk);
  if (plan.model && plan.embed) await embedMissing(db, datasetId, plan.model, groups);
  return groups.map((g) => select(g, plan.pipeline, fixed.get(g.groupId)));
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

/**
 * Works on a select run until no chunk is left to claim. Any number of workers may execute the same
 * run; the last one to finish materialises the pairs. Safe to call again after a crash. Each call runs
 * CHUNK_LOOPS loops (claimed as `<workerId>:<loop>`); a failing loop stops the others after their chunk.
 */
export async function executeSelectRun(db: Database, runId: number, opts: ExecuteOptions = {}): Promise<ExecuteOutcome> {
  let config: TSelectRunConfig | undefined;
  return runChunked(
    db,
    runId,
    {
      loops: CHUNK_LOOPS,
      work: (chunk, { run }) => {
        config ??= ZSelectRunConfig.parse(run.config);
        return selectChunk(db, run.datasetId, run.pivot, config, chunk);
      },
      commit: (tx, _chunk, selections, { run }) => writeSelections(tx, runId, run.datasetId, selections),
      finalize: (tx, { run }) => finalizeSelectRun(tx, runId, run.datasetId),
    },
    opts,
  );
}
