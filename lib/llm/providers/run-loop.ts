import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { execute, queryOne, sql } from "@/lib/db/sql";
import { runChunked, type ChunkContext, type RunLoopOptions, type RunOutcome } from "@/lib/jobs/chunk-loop";
import type { Chunk } from "@/lib/jobs/chunks";

export { insertChunkedRun, type RunLoopOptions, type RunOutcome } from "@/lib/jobs/chunk-loop";

/** What a provider run's chunk reads for: the run's dataset, model and languages (null: every language). */
export type RunScope = { datasetId: number; model: string; languages: string[] | null };

export type ItemFailure = { groupId: number; language: string; error: string };
export type ChunkOutcome = { failures: ItemFailure[]; counters: Record<string, number> };

/** The summary keeps this many failures; failed_items counts them all. */
const MAX_LISTED_FAILURES = 200;

type Summary = { counters: Record<string, number>; failures: ItemFailure[] };

/**
 * Claims chunks of a generate or embed run until none is left (on the shared chunk loop of lib/jobs);
 * each chunk's counters and failures are folded into the run's summary as it completes. A chunk of a
 * dead worker is claimed again (its finished items are kept, so only what is missing is requested).
 */
export function runProviderChunks(
  db: Database,
  runId: number,
  work: (chunk: Chunk, ctx: ChunkContext) => Promise<ChunkOutcome>,
  opts: RunLoopOptions = {},
): Promise<RunOutcome> {
  return runChunked(
    db,
    runId,
    {
      work,
      failedItems: (outcome) => outcome.failures.length,
      commit: async (tx, _chunk, outcome) => {
        const row = await queryOne(
          tx,
          sql`SELECT summary FROM pipeline_runs WHERE id = ${runId} FOR UPDATE`,
          z.object({ summary: z.unknown() }),
        );
        const summary: Summary = { counters: {}, failures: [], ...((row.summary as Summary | null) ?? {}) };
        for (const [k, v] of Object.entries(outcome.counters)) summary.counters[k] = (summary.counters[k] ?? 0) + v;
        summary.failures = [...summary.failures, ...outcome.failures].slice(0, MAX_LISTED_FAILURES);
        await execute(tx, sql`UPDATE pipeline_runs SET summary = ${JSON.stringify(summary)} WHERE id = ${runId}`);
      },
    },
    opts,
  );
}
