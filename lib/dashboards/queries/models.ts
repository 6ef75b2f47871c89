import type { Database } from "@/lib/db/client";
import { queryTrusted, sql } from "@/lib/db/sql";
import type { ModelUsage } from "@/lib/pipeline";

/** Per-model usage stored in the summary of the dataset's latest succeeded select run (lib/runs/summary.ts); null before any run. */
export async function latestModelUsage(db: Database, datasetId: number): Promise<{ runId: number; rows: ModelUsage[] | null } | null> {
  const rows = await queryTrusted<{ id: number; models: ModelUsage[] | null }>(
    db.pool,
    sql`SELECT id, summary->'models' AS models FROM pipeline_runs
     WHERE dataset_id = ${datasetId} AND kind = 'select' AND status = 'succeeded' ORDER BY id DESC LIMIT 1`,
  );
  const run = rows[0];
  return run === undefined ? null : { runId: run.id, rows: run.models };
}
