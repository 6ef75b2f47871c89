import type { Database } from "@/lib/db/client";
import { queryTrusted, sql } from "@/lib/db/sql";
import type { RunRef } from "@/lib/dashboards/charts/model";
import { runNumberSql } from "@/lib/jobs/run-number";
import type { ModelUsage } from "@/lib/pipeline";

/** Per-model usage stored in the summary of the dataset's latest succeeded select run (lib/runs/summary.ts); null before any run. */
export async function latestModelUsage(db: Database, datasetId: number): Promise<{ run: RunRef; rows: ModelUsage[] | null } | null> {
  const rows = await queryTrusted<{ id: number; number: number; models: ModelUsage[] | null }>(
    db.pool,
    sql`SELECT r.id, ${runNumberSql("r")} AS number, r.summary->'models' AS models FROM pipeline_runs r
     WHERE r.dataset_id = ${datasetId} AND r.kind = 'select' AND r.status = 'succeeded' ORDER BY r.id DESC LIMIT 1`,
  );
  const run = rows[0];
  return run === undefined ? null : { run: { id: run.id, number: run.number }, rows: run.models };
}
