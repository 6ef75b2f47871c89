import { z } from "zod";
import { queryOne, sql, type Queryable, type Sql } from "@/lib/db/sql";
import { writeAutoPairs } from "@/lib/effective-pair/write-auto-pairs";

/**
 * Makes a finished run's proposals of the groups after `after` (null: from the first) the effective
 * auto pairs: the next `groups` groups, returning the last one written (null when none was left), or
 * with `groups` null all of them (returns null). Pairs a human decided keep their decision and are flagged as conflicts where the run
 * disagrees. A run never overrides a newer run. Each group's pairs are written together.
 */
export async function materializePairs(
  db: Queryable,
  runId: number,
  datasetId: number,
  after: number | null = null,
  groups: number | null = null,
): Promise<number | null> {
  const from = sql`rp.run_id = ${runId} AND rp.dataset_id = ${datasetId} AND rp.group_id > coalesce(${after}::int, -1)`;
  const proposals = (upTo: Sql) => sql`(SELECT rp.dataset_id, rp.group_id, rp.language, rp.chosen_id, rp.rejected_id, rp.score_chosen,
                rp.score_rejected, rp.margin, rp.skip_reason, rp.run_id
         FROM run_proposals rp WHERE ${from} ${upTo}) v`;
  if (groups === null) {
    await writeAutoPairs(db, proposals(sql``), "run");
    return null;
  }
  const { last } = await queryOne(
    db,
    sql`SELECT max(g) AS last FROM (SELECT DISTINCT rp.group_id AS g FROM run_proposals rp WHERE ${from} ORDER BY 1 LIMIT ${groups}) s`,
    z.object({ last: z.number().nullable() }),
  );
  if (last === null) return null;
  await writeAutoPairs(db, proposals(sql`AND rp.group_id <= ${last}`), "run");
  return last;
}
