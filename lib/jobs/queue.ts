import PgBoss from "pg-boss";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { queryMaybeOne, sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { JOB_KINDS, type JobKind, type JobPayload, type RunJobKind } from "./registry";

export { ZRunJob, type JobKind } from "./registry";
export const SELECT_RUN_QUEUE = JOB_KINDS.select.queue;

type Holder = { url?: string; boss?: Promise<PgBoss> };
const holder: Holder = {};

async function startBoss(url: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: url, schema: "pgboss", max: 2, supervise: true, schedule: false });
  boss.on("error", (e) => process.stderr.write(`job queue: ${e.message}\n`));
  await boss.start();
  for (const spec of Object.values(JOB_KINDS)) await boss.createQueue(spec.queue);
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

/** Queues a job on its kind's queue; one job per row (the row id is the singleton key). */
export async function enqueueJob<K extends JobKind>(db: Database, kind: K, payload: JobPayload<K>): Promise<void> {
  const spec = JOB_KINDS[kind];
  const data = spec.payload.parse(payload);
  const boss = await getBoss(db);
  await boss.send(spec.queue, data, { singletonKey: (spec.singletonKey as (p: typeof data) => string)(data), ...spec.send });
}

/** Queues a pipeline run of any kind on its kind's queue. */
export async function enqueueRun(db: Database, runId: number): Promise<void> {
  const row = await queryMaybeOne(
    db.pool,
    sql`SELECT kind::text AS kind FROM pipeline_runs WHERE id = ${runId}`,
    z.object({ kind: z.enum(["select", "generate", "embed", "bulk"]) }),
  );
  if (!row) throw new AppError("NOT_FOUND", `No run ${runId}.`);
  await enqueueJob(db, row.kind as RunJobKind, { runId });
}

export async function stopBoss(): Promise<void> {
  const pending = holder.boss;
  holder.boss = undefined;
  holder.url = undefined;
  if (pending) await (await pending).stop({ graceful: true, wait: true, timeout: 5_000 });
}
