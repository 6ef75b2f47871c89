import { hostname } from "node:os";
import type { Database } from "@/lib/db/client";
import { heartbeatLapseMs } from "./heartbeat";
import { getBoss, stopBoss } from "./queue";
import { JOB_KINDS, type JobHandlers, type JobKind, type ResumePass, type RunJobKind } from "./registry";
import { repeatUntilAborted } from "./repeat";
import { lapsedRuns, runKindOf, unfinishedRuns } from "./run-row";

type Log = (message: string) => void;

export type JobWorkerSetup = {
  handlers: JobHandlers;
  /** Take-overs of other tables' lapsed work (exports, imports), run at start and every half lapse. */
  resumePasses?: ResumePass[];
  /** Default `heartbeatLapseMs()`. */
  lapseMs?: number;
};

const RUN_KINDS: RunJobKind[] = ["select", "generate", "embed", "bulk"];

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The engine's worker: consumes every kind's queue with the handler the entry registered (pg-boss
 * gives retries, expiry and one job per row), and resumes work whose holder's heartbeat lapsed: at
 * start every unfinished run, then every half lapse the lapsed runs and the other tables' passes.
 * Returns a function that stops it.
 */
export async function startJobWorker(
  db: Database,
  log: Log,
  setup: JobWorkerSetup,
): Promise<{ stop: () => Promise<void>; signal: AbortSignal }> {
  const stopping = new AbortController();
  const lapseMs = setup.lapseMs ?? heartbeatLapseMs();
  const active = new Set<number>();

  async function runRun(runId: number, kind: RunJobKind): Promise<void> {
    if (active.has(runId)) return;
    active.add(runId);
    try {
      log(`run ${runId}: ${await setup.handlers[kind](db, { runId })}`);
    } finally {
      active.delete(runId);
    }
  }

  async function resumePasses(): Promise<void> {
    for (const pass of setup.resumePasses ?? []) {
      for (const line of await pass(db, lapseMs)) log(line);
    }
  }

  const startup = await unfinishedRuns(db.pool);
  const resuming = (async () => {
    for (const r of startup) await runRun(r.id, r.kind);
  })();
  const boss = await getBoss(db);
  for (const kind of RUN_KINDS) {
    await boss.work(JOB_KINDS[kind].queue, { batchSize: 1, pollingIntervalSeconds: 1 }, async (jobs) => {
      // The row says the kind: a job left on another kind's queue still runs its own handler.
      for (const job of jobs) {
        const { runId } = JOB_KINDS[kind].payload.parse(job.data);
        await runRun(runId, (await runKindOf(db.pool, runId)) ?? kind);
      }
    });
  }
  await boss.work(JOB_KINDS.export.queue, { batchSize: 1, pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) log(await setup.handlers.export(db, JOB_KINDS.export.payload.parse(job.data)));
  });
  await resumePasses();
  const watching = repeatUntilAborted(
    stopping.signal,
    Math.max(100, Math.floor(lapseMs / 2)),
    async () => {
      for (const r of await lapsedRuns(db.pool, lapseMs)) {
        log(`run ${r.id}: its worker's heartbeat lapsed; resuming`);
        await runRun(r.id, r.kind);
      }
      await resumePasses();
      return false;
    },
    (error) => log(`resume: ${message(error)}`),
  );
  log(
    `worker ${hostname()}:${process.pid} listening on queues ${Object.values(JOB_KINDS)
      .map((k: { queue: string }) => `"${k.queue}"`)
      .join(", ")}`,
  );
  return {
    signal: stopping.signal,
    stop: async () => {
      stopping.abort();
      await stopBoss();
      await watching;
      await resuming.catch(() => {});
    },
  };
}

export type { JobKind };
