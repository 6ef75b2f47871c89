import type { Database } from "@/lib/db/client";
import { repeatUntilAborted } from "@/lib/jobs/repeat";
import { indexPendingResponses } from "./index-pending";

type Log = (message: string) => void;

/** How often the worker looks for pending ranges when there were none. */
export const SEARCH_SWEEP_INTERVAL_MS = 2_000;

async function anyPending(db: Database): Promise<boolean> {
  const { rows } = await db.pool.query<{ yes: boolean }>(`SELECT EXISTS (SELECT 1 FROM response_search_pending) AS yes`);
  return rows[0]!.yes;
}

/**
 * Keeps the search copy caught up: drains every pending range, then polls for new ones. Any path that
 * inserts responses (imports, generation, reference edits, raw SQL) leaves ranges through the trigger,
 * so nothing has to announce its inserts. Resolves once `signal` aborts (after the current batch).
 */
export function sweepSearchIndex(db: Database, log: Log, signal: AbortSignal, intervalMs = SEARCH_SWEEP_INTERVAL_MS): Promise<void> {
  return repeatUntilAborted(
    signal,
    intervalMs,
    async () => {
      if (!(await anyPending(db))) return false;
      const done = await indexPendingResponses(db, { signal });
      if (done.batches > 0)
        log(`search index: ${done.indexed} responses in ${done.seconds.toFixed(1)} s${done.aborted ? " (stopped)" : ""}`);
      return !done.aborted;
    },
    (error) => log(`search index: ${error instanceof Error ? error.message : String(error)}`),
  );
}
