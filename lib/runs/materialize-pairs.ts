import { sql, type Queryable } from "@/lib/db/sql";
import { writeAutoPairs } from "@/lib/effective-pair/write-auto-pairs";

/**
 * Makes a finished run's proposals the effective auto pairs. Pairs a human decided keep their
 * decision and are flagged as conflicts where the run disagrees. A run never overrides a newer run.
 */
export async function materializePairs(db: Queryable, runId: number, datasetId: number): Promise<void> {
  await writeAutoPairs(
    db,
    sql`(SELECT rp.dataset_id, rp.group_id, rp.language, rp.chosen_id, rp.rejected_id, rp.score_chosen, rp.score_rejected,
                rp.margin, rp.skip_reason, rp.run_id
         FROM run_proposals rp WHERE rp.run_id = ${runId} AND rp.dataset_id = ${datasetId}) v`,
    "run",
  );
}
