import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { getBoss } from "@/lib/jobs/queue";
import { indexPendingResponses } from "./index-pending";

export const SEARCH_INDEX_QUEUE = "search-index";
export const ZSearchIndexJob = z.object({ datasetId: z.number().int().positive() });

type Log = (message: string) => void;

async function ensureQueue(db: Database) {
  const boss = await getBoss(db);
  // Stately: per dataset at most one job waiting and one running; a drain takes every range of its
  // dataset, including those committed while it runs, so more jobs would find nothing to do.
  await boss.createQueue(SEARCH_INDEX_QUEUE, { name: SEARCH_INDEX_QUEUE, policy: "stately", retryLimit: 3, retryBackoff: true, expireInHours: 6 });
  return boss;
}

/** Queues a drain of the dataset's pending search ranges (call after a transaction that inserted responses commits). */
export async function enqueueSearchIndex(db: Database, datasetId: number): Promise<void> {
  const boss = await ensureQueue(db);
  await boss.send(SEARCH_INDEX_QUEUE, { datasetId } satisfies z.infer<typeof ZSearchIndexJob>, { singletonKey: `dataset-${datasetId}` });
}

async function drainAndLog(db: Database, datasetId: number | undefined, log: Log, signal: AbortSignal): Promise<void> {
  const done = await indexPendingResponses(db, { datasetId, signal });
  if (done.batches > 0) {
    log(`search index${datasetId ? ` of dataset ${datasetId}` : ""}: ${done.indexed} responses in ${done.seconds.toFixed(1)} s${done.aborted ? " (stopped)" : ""}`);
  }
}

/**
 * Drains whatever is pending (ranges left by imports that ran without a worker, or by a worker that
 * stopped), then consumes the search-index queue. Returns the start-up drain's promise; aborting the
 * signal stops the drains after their current batch.
 */
export async function startSearchIndexWorker(db: Database, log: Log, signal: AbortSignal): Promise<Promise<void>> {
  const draining = drainAndLog(db, undefined, log, signal).catch((error: unknown) => {
    log(`search index: ${error instanceof Error ? error.message : String(error)}`);
  });
  const boss = await ensureQueue(db);
  await boss.work(SEARCH_INDEX_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) await drainAndLog(db, ZSearchIndexJob.parse(job.data).datasetId, log, signal);
  });
  return draining;
}
