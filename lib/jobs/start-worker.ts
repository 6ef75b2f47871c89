import { hostname } from "node:os";
import type { Database } from "@/lib/db/client";
import { isAlive } from "@/lib/db/embedded-lock";
import { startExportWorker } from "@/lib/exports/export-worker";
import { executeProviderRun } from "@/lib/generate/execute-provider-run";
import { executeBulkRun } from "@/lib/pairs/bulk-job";
import { executeSelectRun } from "@/lib/runs/execute-select-run";
import { sweepSearchIndex } from "@/lib/search/search-sweeper";
import { compactAllFragmented } from "@/lib/stats/compact";
import { repeatUntilAborted } from "./repeat";
import { getBoss, SELECT_RUN_QUEUE, stopBoss, ZRunJob } from "./queue";

type Log = (message: string) => void;

/** How often the worker folds fragmented summary ledgers. */
const LEDGER_UPKEEP_INTERVAL_MS = 10_000;

/** Chunks held by a dead process of this machine go back to the queue at once (no stale wait). */
export async function releaseChunksOfDeadWorkers(db: Database): Promise<number> {
  const { rows } = await db.pool.query<{ claimed_by: string }>(
    `SELECT DISTINCT claimed_by FROM run_chunks WHERE status = 'running' AND claimed_by IS NOT NULL`,
  );
  const dead = rows
    .map((r) => r.claimed_by)
    .filter((w) => {
      const [host, pid] = w.split(":");
      return host === hostname() && !isAlive(Number(pid));
    });
  if (dead.length === 0) return 0;
  const res = await db.pool.query(`UPDATE run_chunks SET status = 'queued', claimed_by = NULL WHERE status = 'running' AND claimed_by = ANY($1)`, [dead]);
  return res.rowCount ?? 0;
}

async function runAndLog(db: Database, runId: number, log: Log): Promise<void> {
  const outcome = (await executeProviderRun(db, runId)) ?? (await executeBulkRun(db, runId)) ?? (await executeSelectRun(db, runId));
  log(`run ${runId}: ${outcome}`);
}

/** Consumes queued runs and resumes interrupted ones; returns a function that stops the worker. */
export async function startWorker(db: Database, log: Log): Promise<() => Promise<void>> {
  const stopping = new AbortController();
  const released = await releaseChunksOfDeadWorkers(db);
  if (released > 0) log(`took over ${released} chunks of a worker that died`);
  const { rows } = await db.pool.query<{ id: number }>(
    `SELECT id FROM pipeline_runs WHERE status IN ('queued', 'running') ORDER BY id`,
  );
  const resuming = (async () => {
    for (const r of rows) await runAndLog(db, r.id, log);
  })();
  const boss = await getBoss(db);
  await boss.work(SELECT_RUN_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) await runAndLog(db, ZRunJob.parse(job.data).runId, log);
  });
  const resumingExports = await startExportWorker(db, log);
  const sweeping = sweepSearchIndex(db, log, stopping.signal);
  const compacting = repeatUntilAborted(stopping.signal, LEDGER_UPKEEP_INTERVAL_MS, async () => {
    await compactAllFragmented(db);
    return false;
  }, (error) => log(`summary ledgers: ${error instanceof Error ? error.message : String(error)}`));
  log(`worker ${hostname()}:${process.pid} listening on queue "${SELECT_RUN_QUEUE}"`);
  return async () => {
    stopping.abort();
    await stopBoss();
    await Promise.all([sweeping, compacting]);
    await resuming.catch(() => {});
    await resumingExports;
  };
}
