import type { Database } from "@/lib/db/client";
import { getBoss } from "@/lib/jobs/queue";
import { runQueuedExport } from "./create-export";
import { EXPORT_QUEUE, ZExportJob } from "./export-queue";
import { recoverExports } from "./recover-exports";
import type { RunExportOptions } from "./execute-export";

type Log = (message: string) => void;

async function runAndLog(db: Database, exportId: number, log: Log, options: RunExportOptions): Promise<void> {
  try {
    const done = await runQueuedExport(db, exportId, options);
    if (done) log(`export ${exportId}: succeeded, ${done.total} pairs`);
  } catch (error) {
    log(`export ${exportId}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Runs queued exports: first restarts those whose process died and any left queued, then consumes
 * the export queue. Returns a promise for the restarts (the queue handler runs until the boss stops).
 */
export async function startExportWorker(db: Database, log: Log, options: RunExportOptions = {}): Promise<Promise<void>> {
  const requeued = await recoverExports(db);
  if (requeued.length > 0) log(`restarting exports ${requeued.join(", ")} of a worker that died`);
  const { rows } = await db.pool.query<{ id: number }>(`SELECT id FROM exports WHERE status = 'queued' ORDER BY id`);
  const resuming = (async () => {
    for (const r of rows) await runAndLog(db, r.id, log, options);
  })();
  const boss = await getBoss(db);
  await boss.createQueue(EXPORT_QUEUE);
  await boss.work(EXPORT_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) await runAndLog(db, ZExportJob.parse(job.data).exportId, log, options);
  });
  return resuming;
}
