import type { PoolClient } from "pg";

/**
 * The ON CONFLICT assignments for a new proposal on `pairs AS p`: auto pairs take it; pairs a human
 * decided keep their decision and are flagged as conflicts where the proposal disagrees.
 */
export const AUTO_PAIR_UPDATE = `
       chosen_id      = CASE WHEN p.origin = 'auto' THEN EXCLUDED.chosen_id ELSE p.chosen_id END,
       rejected_id    = CASE WHEN p.origin = 'auto' THEN EXCLUDED.rejected_id ELSE p.rejected_id END,
       score_chosen   = CASE WHEN p.origin = 'auto' THEN EXCLUDED.score_chosen ELSE p.score_chosen END,
       score_rejected = CASE WHEN p.origin = 'auto' THEN EXCLUDED.score_rejected ELSE p.score_rejected END,
       margin         = CASE WHEN p.origin = 'auto' THEN EXCLUDED.margin ELSE p.margin END,
       status         = CASE WHEN p.origin = 'auto' THEN EXCLUDED.status ELSE p.status END,
       skip_reason    = CASE WHEN p.origin = 'auto' THEN EXCLUDED.skip_reason ELSE p.skip_reason END,
       off_target     = CASE WHEN p.origin = 'auto' THEN EXCLUDED.off_target ELSE p.off_target END,
       conflict       = p.origin = 'human' AND (p.chosen_id IS DISTINCT FROM EXCLUDED.chosen_id
                                                OR p.rejected_id IS DISTINCT FROM EXCLUDED.rejected_id)`;

/**
 * Makes a finished run's proposals the effective auto pairs. Pairs a human decided keep their
 * decision and are flagged as conflicts where the run disagrees. A run never overrides a newer run.
 */
export async function materializePairs(client: PoolClient, runId: number, datasetId: number): Promise<void> {
  await client.query(
    `INSERT INTO pairs AS p (dataset_id, group_id, language, chosen_id, rejected_id, score_chosen, score_rejected,
                             margin, status, origin, skip_reason, run_id, off_target)
     SELECT rp.dataset_id, rp.group_id, rp.language, rp.chosen_id, rp.rejected_id, rp.score_chosen,
            rp.score_rejected, rp.margin,
            (CASE WHEN rp.skip_reason IS NULL THEN 'proposed' ELSE 'skipped' END)::"PairStatus", 'auto', rp.skip_reason, rp.run_id,
            coalesce(c.detected_language <> split_part(c.language, '-', 1), false)
              OR coalesce(r.detected_language <> split_part(r.language, '-', 1), false)
     FROM run_proposals rp
     LEFT JOIN responses c ON c.id = rp.chosen_id
     LEFT JOIN responses r ON r.id = rp.rejected_id
     WHERE rp.run_id = $1 AND rp.dataset_id = $2
     ON CONFLICT (dataset_id, group_id, language) DO UPDATE SET
       ${AUTO_PAIR_UPDATE},
       run_id         = EXCLUDED.run_id,
       version        = p.version + 1,
       updated_at     = now()
     WHERE p.run_id IS NULL OR p.run_id <= EXCLUDED.run_id`,
    [runId, datasetId],
  );
}
