import { execute, sql, type Queryable, type Sql } from "@/lib/db/sql";

/**
 * Whether a pair is off target: its chosen (`c`) or rejected (`r`) response was detected in another
 * language than the one it was written for (base tags compared: `zh-TW` is on target as `zh`).
 */
export const OFF_TARGET_SQL: Sql = sql`coalesce(c.detected_language <> split_part(c.language, '-', 1), false)
              OR coalesce(r.detected_language <> split_part(r.language, '-', 1), false)`;

/**
 * The ON CONFLICT assignments for a new proposal on `pairs AS p`: auto pairs take it; pairs a human
 * decided keep their decision and are flagged as conflicts where the proposal disagrees.
 */
const AUTO_PAIR_UPDATE: Sql = sql`
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
 * Who wrote the proposals: a finished `run` never overrides a newer run's pairs; a reference
 * `correction` recomputes the group's pairs in place and keeps their run when it has none.
 */
export type ProposalSource = "run" | "correction";

const RUN_ID_UPDATE: Record<ProposalSource, Sql> = {
  run: sql`run_id = EXCLUDED.run_id`,
  correction: sql`run_id = coalesce(EXCLUDED.run_id, p.run_id)`,
};
const ONLY_IF: Record<ProposalSource, Sql> = {
  run: sql`WHERE p.run_id IS NULL OR p.run_id <= EXCLUDED.run_id`,
  correction: sql``,
};

/**
 * Makes proposals the effective pairs (the proposal-to-pair update rule). `proposals` is a FROM item
 * aliased `v` with columns dataset_id, group_id, language, chosen_id, rejected_id, score_chosen,
 * score_rejected, margin, skip_reason, run_id. New pairs are auto pairs; an existing auto pair takes the
 * proposal; a pair a human decided keeps the decision and is flagged as a conflict where the proposal
 * disagrees. Every pair written gets a new version.
 */
export async function writeAutoPairs(db: Queryable, proposals: Sql, source: ProposalSource): Promise<number> {
  return execute(
    db,
    sql`INSERT INTO pairs AS p (dataset_id, group_id, language, chosen_id, rejected_id, score_chosen, score_rejected,
                                margin, status, origin, skip_reason, run_id, off_target)
        SELECT v.dataset_id, v.group_id, v.language, v.chosen_id, v.rejected_id, v.score_chosen, v.score_rejected, v.margin,
               (CASE WHEN v.skip_reason IS NULL THEN 'proposed' ELSE 'skipped' END)::"PairStatus", 'auto', v.skip_reason, v.run_id,
               ${OFF_TARGET_SQL}
        FROM ${proposals}
        LEFT JOIN responses c ON c.id = v.chosen_id
        LEFT JOIN responses r ON r.id = v.rejected_id
        ON CONFLICT (dataset_id, group_id, language) DO UPDATE SET
          ${AUTO_PAIR_UPDATE},
          ${RUN_ID_UPDATE[source]},
          version        = p.version + 1,
          updated_at     = now()
        ${ONLY_IF[source]}`,
  );
}
