import type { Database } from "@/lib/db/client";
import { queryTrusted, type Sql, sql } from "@/lib/db/sql";
import type { ChangeCountRow, ChangedPairRow } from "@/lib/dashboards/charts/compare";

export type SelectRunOption = {
  id: number;
  reference: string | null;
  pairs: string | null;
  scorer: string | null;
  finishedAt: Date | null;
};

/** Succeeded select runs of the dataset, newest first. */
export async function listSelectRuns(db: Database, datasetId: number): Promise<SelectRunOption[]> {
  const rows = await queryTrusted<SelectRunOption>(
    db.pool,
    sql`SELECT id, config->>'reference' AS reference, config->>'pairs' AS pairs, config->>'scorer' AS scorer, finished_at AS "finishedAt"
     FROM pipeline_runs WHERE dataset_id = ${datasetId} AND kind = 'select' AND status = 'succeeded' ORDER BY id DESC`,
  );
  return rows;
}

// The two runs' proposals matched by (group, language); a pair changed when its chosen or rejected
// response differs, including a proposal that only one of the runs made.
function joined(datasetId: number, runA: number, runB: number): Sql {
  return sql`
  FROM (SELECT group_id, language, chosen_id, rejected_id, margin FROM run_proposals WHERE dataset_id = ${datasetId} AND run_id = ${runA}) a
  FULL JOIN (SELECT group_id, language, chosen_id, rejected_id, margin FROM run_proposals WHERE dataset_id = ${datasetId} AND run_id = ${runB}) b
    ON a.group_id = b.group_id AND a.language = b.language`;
}
const CHANGED = sql`(a.chosen_id IS DISTINCT FROM b.chosen_id OR a.rejected_id IS DISTINCT FROM b.rejected_id)`;

export async function changesByLanguage(db: Database, datasetId: number, runA: number, runB: number): Promise<ChangeCountRow[]> {
  const rows = await queryTrusted<ChangeCountRow>(
    db.pool,
    sql`SELECT coalesce(a.language, b.language) AS language, count(*)::int AS total, count(*) FILTER (WHERE ${CHANGED})::int AS changed
     ${joined(datasetId, runA, runB)} GROUP BY 1 ORDER BY 1`,
  );
  return rows;
}

export async function changedPairs(db: Database, datasetId: number, runA: number, runB: number, limit: number): Promise<ChangedPairRow[]> {
  const rows = await queryTrusted<ChangedPairRow>(
    db.pool,
    sql`SELECT g.id AS "groupId", g.external_id AS "externalId", x.language,
            x.a_chosen AS "aChosen", x.a_rejected AS "aRejected", x.a_margin AS "aMargin",
            x.b_chosen AS "bChosen", x.b_rejected AS "bRejected", x.b_margin AS "bMargin"
     FROM (SELECT coalesce(a.group_id, b.group_id) AS group_id, coalesce(a.language, b.language) AS language,
                  a.chosen_id AS a_chosen, a.rejected_id AS a_rejected, a.margin AS a_margin,
                  b.chosen_id AS b_chosen, b.rejected_id AS b_rejected, b.margin AS b_margin
           ${joined(datasetId, runA, runB)} WHERE ${CHANGED}) x
     JOIN prompt_groups g ON g.id = x.group_id AND g.dataset_id = ${datasetId}
     ORDER BY x.language, g.id LIMIT ${limit}`,
  );
  return rows;
}
