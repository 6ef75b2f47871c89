import type { Database } from "@/lib/db/client";
import { startJobWorker } from "@/lib/jobs/job-worker";
import { repeatUntilAborted } from "@/lib/jobs/repeat";
import { sweepSearchIndex } from "@/lib/search/search-sweeper";
import { compactAllFragmented } from "@/lib/dashboards/ledgers/compact";
import { JOB_HANDLERS, RESUME_PASSES } from "./handlers";

type Log = (message: string) => void;

/** How often the worker folds fragmented summary ledgers. */
const LEDGER_UPKEEP_INTERVAL_MS = 10_000;

/** Runs every job kind on the engine, plus the upkeep loops; returns a function that stops the worker. */
export async function startWorker(db: Database, log: Log): Promise<() => Promise<void>> {
  const worker = await startJobWorker(db, log, { handlers: JOB_HANDLERS, resumePasses: RESUME_PASSES });
  const sweeping = sweepSearchIndex(db, log, worker.signal);
  const compacting = repeatUntilAborted(
    worker.signal,
    LEDGER_UPKEEP_INTERVAL_MS,
    async () => {
      await compactAllFragmented(db);
      return false;
    },
    (error) => log(`summary ledgers: ${error instanceof Error ? error.message : String(error)}`),
  );
  return async () => {
    await worker.stop();
    await Promise.all([sweeping, compacting]);
  };
}
