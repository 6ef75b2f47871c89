import type { Database } from "@/lib/db/client";
import type { QualityRow } from "@/lib/charts/quality";

/** Gold-answer quality per succeeded select run and language, read from the run summaries (lib/runs/summary.ts). */
export async function qualityRows(db: Database, datasetId: number): Promise<QualityRow[]> {
  const { rows } = await db.pool.query<QualityRow>(
    `SELECT r.id AS "runId", r.config->>'reference' AS reference, r.config->>'pairs' AS pairs, r.config->>'scorer' AS scorer,
            l.key AS language, (l.value->'quality'->>'judged')::int AS judged,
            (l.value->'quality'->>'chosenCorrect')::float8 AS "chosenCorrect",
            (l.value->'quality'->>'rejectedWrong')::float8 AS "rejectedWrong"
     FROM pipeline_runs r CROSS JOIN LATERAL jsonb_each(r.summary->'languages') l
     WHERE r.dataset_id = $1 AND r.kind = 'select' AND r.status = 'succeeded' AND l.value ? 'quality'
     ORDER BY r.id, l.key`,
    [datasetId],
  );
  return rows;
}
