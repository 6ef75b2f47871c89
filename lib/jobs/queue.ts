import PgBoss from "pg-boss";
import { z } from "zod";
import type { Database } from "@/lib/db/client";

export const SELECT_RUN_QUEUE = "select-run";
export const ZRunJob = z.object({ runId: z.number().int().positive() });
export type TRunJob = z.infer<typeof ZRunJob>;

type Holder = { url?: string; boss?: Promise<PgBoss> };
const holder: Holder = {};

async function startBoss(url: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: url, schema: "pgboss", max: 2, supervise: true, schedule: false });
  boss.on("error", (e) => process.stderr.write(`job queue: ${e.message}\n`));
  await boss.start();
  await boss.createQueue(SELECT_RUN_QUEUE);
  return boss;
}

/** The pg-boss queue on the app's own database (its tables live in schema "pgboss"). */
export function getBoss(db: Database): Promise<PgBoss> {
  if (!holder.boss || holder.url !== db.url) {
    holder.url = db.url;
    holder.boss = startBoss(db.url);
  }
  return holder.boss;
}

/** Queues a run for the workers; one job per run (the run id is the singleton key). */
export async function enqueueRun(db: Database, runId: number): Promise<void> {
  const boss = await getBoss(db);
  await boss.send(SELECT_RUN_QUEUE, { runId } satisfies TRunJob, { singletonKey: `run-${runId}`, retryLimit: 5, retryBackoff: true });
}

export async function stopBoss(): Promise<void> {
  const pending = holder.boss;
  holder.boss = undefined;
  holder.url = undefined;
  if (pending) await (await pending).stop({ graceful: true, wait: true, timeout: 5_000 });
}
