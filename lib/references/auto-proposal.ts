
import type { Queryable } from "@/lib/db/sql";

/**
 * The id of the reference correction in effect for the pair aliased `pair` (a scalar subquery, NULL when
 * none): the group's latest correction, when it is newer than the pair's run.
 */
export function correctionInEffectSql(pair: string): string {
  return `(SELECT c.id FROM reference_corrections c
           WHERE c.group_id = ${pair}.group_id
             AND c.created_at > coalesce((SELECT r.finished_at FROM pipeline_runs r WHERE r.id = ${pair}.run_id), '-infinity'::timestamp)
           ORDER BY c.id DESC LIMIT 1)`;
}

/**
 * `LEFT JOIN LATERAL … eref` giving the reference the pair aliased `pair` was scored against and its
 * Cons: the correction in effect's (its Cons from reference_scores), else the pair's run's. Columns:
 * response_id, cons. A correction from before reference_scores existed has no Cons unless it kept the
 * run's reference.
 */
export function effectiveReferenceJoin(pair: string): string {
  return `LEFT JOIN LATERAL (
    SELECT coalesce(c.response_id, rr.response_id) AS response_id,
           CASE WHEN c.id IS NULL THEN rr.cons ELSE coalesce(rs.score, CASE WHEN c.response_id = rr.response_id THEN rr.cons END) END AS cons
    FROM (SELECT ${correctionInEffectSql(pair)} AS id) ce
    LEFT JOIN reference_corrections c ON c.id = ce.id
    LEFT JOIN reference_scores rs ON rs.correction_id = c.id AND rs.response_id = c.response_id
    LEFT JOIN run_references rr ON rr.run_id = ${pair}.run_id AND rr.group_id = ${pair}.group_id
  ) eref ON true`;
}

/**
 * `LEFT JOIN LATERAL … ap` giving the automatic proposal of the pair aliased `pair`: the proposal of
 * the group's latest reference correction when it is newer than the pair's run (a correction in
 * effect), else the run's own proposal. `reset`, `undo` back to auto and bulk reset all read it.
 * Columns: chosen_id, rejected_id, score_chosen, score_rejected, margin, skip_reason, skip_detail, basis, found.
 */
export function autoProposalJoin(pair: string): string {
  return `LEFT JOIN LATERAL (
    SELECT x.chosen_id, x.rejected_id, x.score_chosen, x.score_rejected, x.margin, x.skip_reason, x.skip_detail, x.basis, true AS found
    FROM (
      SELECT 1 AS src, cp.chosen_id, cp.rejected_id, cp.score_chosen, cp.score_rejected, cp.margin, cp.skip_reason, cp.skip_detail, cp.basis
      FROM reference_proposals cp
      WHERE cp.language = ${pair}.language AND cp.correction_id = ${correctionInEffectSql(pair)}
      UNION ALL
      SELECT 2, rp.chosen_id, rp.rejected_id, rp.score_chosen, rp.score_rejected, rp.margin, rp.skip_reason, rp.skip_detail, rp.basis
      FROM run_proposals rp
      WHERE rp.run_id = ${pair}.run_id AND rp.group_id = ${pair}.group_id AND rp.language = ${pair}.language
    ) x ORDER BY x.src LIMIT 1
  ) ap ON true`;
}

/**
 * The basis (score | language_guard | random) of the pair aliased `pair`, given its automatic proposal
 * joined as `ap`: the proposal's, while the pair still holds the proposed chosen and rejected; NULL for a
 * pair a human chose otherwise (its margin is then a plain score difference) and for a skip.
 */
export function pairBasisSql(pair: string): string {
  return `CASE WHEN ap.chosen_id = ${pair}.chosen_id AND ap.rejected_id = ${pair}.rejected_id THEN ap.basis END`;
}

export type AutoProposal = {
  chosenId: number | null; rejectedId: number | null; scoreChosen: number | null; scoreRejected: number | null;
  margin: number | null; skipReason: string | null; found: boolean;
};

/** The pair's automatic proposal (see `autoProposalJoin`); `found` is false when nothing proposed it. */
export async function autoProposalOf(client: Queryable, pairId: number): Promise<AutoProposal> {
  const { rows } = await client.query<AutoProposal>(
    `SELECT ap.chosen_id AS "chosenId", ap.rejected_id AS "rejectedId", ap.score_chosen AS "scoreChosen",
            ap.score_rejected AS "scoreRejected", ap.margin, ap.skip_reason AS "skipReason", coalesce(ap.found, false) AS found
     FROM pairs p ${autoProposalJoin("p")} WHERE p.id = $1`,
    [pairId],
  );
  return rows[0] ?? { chosenId: null, rejectedId: null, scoreChosen: null, scoreRejected: null, margin: null, skipReason: null, found: false };
}

/** The status an automatic proposal gives a pair. */
export function autoStatus(p: AutoProposal): "proposed" | "skipped" {
  return p.found && p.chosenId !== null && p.skipReason === null ? "proposed" : "skipped";
}
