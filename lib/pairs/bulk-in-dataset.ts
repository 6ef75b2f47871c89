import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { queryRows, sql } from "@/lib/db/sql";
import { enqueueJob } from "@/lib/jobs/queue";
import { ZBulkSpec, type BulkSpec } from "./bulk";
import { createBulkJob } from "./bulk-job";
import { ZPairFilter, type PairFilter } from "./table";

export const ZBulkStart = z.object({ slug: z.string(), filter: ZPairFilter, spec: ZBulkSpec });

/** Records a bulk job over the whole filter result and queues it for the workers. */
export async function startBulkJob(
  db: Database,
  datasetId: number,
  input: z.infer<typeof ZBulkStart>,
  userId: number | null = null,
): Promise<{ runId: number; total: number }> {
  const job = await createBulkJob(db, datasetId, input.filter, input.spec, userId);
  await enqueueJob(db, "bulk", { runId: job.runId });
  return job;
}

export type BulkJobView = {
  runId: number;
  status: string;
  done: number;
  total: number;
  cancelRequested: boolean;
  error: string | null;
  filter: PairFilter;
  spec: BulkSpec;
  createdAt: string;
};

const ZBulkJobRow = z.object({
  id: z.number(),
  status: z.string(),
  done_items: z.number(),
  total_items: z.number(),
  cancel_requested: z.boolean(),
  error: z.string().nullable(),
  // Written by createBulkJob from a validated filter and spec.
  config: z.custom<{ filter: PairFilter; spec: BulkSpec }>(),
  created_at: z.date(),
});

/** The dataset's latest bulk jobs, newest first (the pairs page's status rows). */
export async function recentBulkJobs(db: Database, datasetId: number, limit = 5): Promise<BulkJobView[]> {
  const rows = await queryRows(
    db.pool,
    sql`SELECT id, status::text, done_items, total_items, cancel_requested, error, config, created_at
     FROM pipeline_runs WHERE dataset_id = ${datasetId} AND kind = 'bulk' ORDER BY id DESC LIMIT ${limit}`,
    ZBulkJobRow,
  );
  return rows.map((r) => ({
    runId: r.id,
    status: r.status,
    done: r.done_items,
    total: r.total_items,
    cancelRequested: r.cancel_requested,
    error: r.error,
    filter: r.config.filter,
    spec: r.config.spec,
    createdAt: r.created_at.toISOString(),
  }));
}
