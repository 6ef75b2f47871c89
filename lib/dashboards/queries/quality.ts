import type { Database } from "@/lib/db/client";
import { queryTrusted, sql } from "@/lib/db/sql";
import type { QualityRow } from "@/lib/dashboards/charts/quality";

/** Quality per succeeded select run and language, read from the run summaries (lib/runs/summary.ts); no pair is read. */
export async function qualityRows(db: Database, datasetId: number): Promise<QualityRow[]> {
  const rows = await queryTrusted<QualityRow>(
    db.pool,
    sql`SELECT r.id AS "runId", r.config->>'reference' AS reference, r.config->>'pairs' AS pairs, r.config->>'scorer' AS scorer,
            l.key AS language, coalesce((l.value->'quality'->>'judged')::int, 0) AS judged,
            coalesce((l.value->'quality'->>'chosenCorrect')::float8, 0) AS "chosenCorrect",
            coalesce((l.value->'quality'->>'rejectedWrong')::float8, 0) AS "rejectedWrong",
            (l.value->>'chosenOnTarget')::float8 AS "chosenOnTarget",
            coalesce((l.value->'bounds'->>'goldGroups')::int, 0) AS "goldGroups",
            (l.value->'bounds'->>'oracle')::float8 AS oracle,
            (l.value->'bounds'->>'randomOnTarget')::float8 AS "randomOnTarget"
     FROM pipeline_runs r CROSS JOIN LATERAL jsonb_each(r.summary->'languages') l
     WHERE r.dataset_id = ${datasetId} AND r.kind = 'select' AND r.status = 'succeeded'
       AND (l.value ? 'quality' OR l.value ? 'chosenOnTarget')
     ORDER BY r.id, l.key`,
  );
  return rows;
}
