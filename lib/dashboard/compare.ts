import type { Database } from "@/lib/db/client";
import type { ChangeCountRow, ChangedPairRow } from "@/lib/charts/compare";

export type SelectRunOption = { id: number; reference: string | null; pairs: string | null; scorer: string | null; finishedAt: Date | null };

/** Succeeded select runs of the dataset, newest first. */
export async function listSelectRuns(db: Database, datasetId: number): Promise<SelectRunOption[]> {
  const { rows } = await db.pool.query<SelectRunOption>(
    `SELECT id, config->>'reference' AS reference, config->>'pairs' AS pairs, config->>'scorer' AS scorer, finished_at AS "finishedAt"
     FROM pipeline_runs WHERE dataset_id = $1 AND kind = 'select' AND status = 'succeeded' ORDER BY id DESC`,
    [datasetId],
  );
  return rows;
}

// The two runs' proposals matched by (group, language); a pair changed when its chosen or rejected
// response differs, including a proposal that only one of the runs made.
const JOINED = `
  FROM (SELECT group_id, language, chosen_id, rejected_id, margin FROM run_proposals WHERE dataset_id = $1 AND run_id = $2) a
  FULL JOIN (SELECT group_id, language, chosen_id, rejected_id, margin FROM run_proposals WHERE dataset_id = $1 AND run_id = $3) b
    ON a.group_id = b.group_id AND a.language = b.language`;
const CHANGED = `(a.chosen_id IS DISTINCT FROM b.chosen_id OR a.rejected_id IS DISTINCT FROM b.rejected_id)`;

export async function changesByLanguage(db: Database, datasetId: number, runA: number, runB: number): Promise<ChangeCountRow[]> {
  const { rows } = await db.pool.query<ChangeCountRow>(
    `SELECT coalesce(a.language, b.language) AS language, count(*)::int AS total, count(*) FILTER (WHERE ${CHANGED})::int AS changed
     ${JOINED} GROUP BY 1 ORDER BY 1`,
    [datasetId, runA, runB],
  );
  return rows;
}

export async function changedPairs(db: Database, datasetId: number, runA: number, runB: number, limit: number): Promise<ChangedPairRow[]> {
  const { rows } = await db.pool.query<ChangedPairRow>(
    `SELECT g.id AS "groupId", g.external_id AS "externalId", x.language,
            x.a_chosen AS "aChosen", x.a_rejected AS "aRejected", x.a_margin AS "aMargin",
            x.b_chosen AS "bChosen", x.b_rejected AS "bRejected", x.b_margin AS "bMargin"
     FROM (SELECT coalesce(a.group_id, b.group_id) AS group_id, coalesce(a.language, b.language) AS language,
                  a.chosen_id AS a_chosen, a.rejected_id AS a_rejected, a.margin AS a_margin,
                  b.chosen_id AS b_chosen, b.rejected_id AS b_rejected, b.margin AS b_margin
           ${JOINED} WHERE ${CHANGED}) x
     JOIN prompt_groups g ON g.id = x.group_id AND g.dataset_id = $1
     ORDER BY x.language, g.id LIMIT $4`,
    [datasetId, runA, runB, limit],
  );
  return rows;
}
