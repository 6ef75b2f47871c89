import { z } from "zod";
import { queryMaybeOne, raw, sql, type Queryable, type Sql } from "@/lib/db/sql";
import { correctionInEffect } from "./reference-in-effect";

/**
 * `LEFT JOIN LATERAL … ap` giving the automatic proposal of the pair aliased `pair`: the proposal of
 * the group's latest reference correction when it is newer than the pair's run (a correction in
 * effect), else the run's own proposal. `reset`, `undo` back to auto and bulk reset all read it.
 * Columns: chosen_id, rejected_id, score_chosen, score_rejected, margin, skip_reason, skip_detail, basis, found.
 */
export function autoProposalJoin(pair: string): Sql {
  const p = raw(pair);
  return sql`LEFT JOIN LATERAL (
    SELECT x.chosen_id, x.rejected_id, x.score_chosen, x.score_rejected, x.margin, x.skip_reason, x.skip_detail, x.basis, true AS found
    FROM (
      SELECT 1 AS src, cp.chosen_id, cp.rejected_id, cp.score_chosen, cp.score_rejected, cp.margin, cp.skip_reason, cp.skip_detail, cp.basis
      FROM reference_proposals cp
      WHERE cp.language = ${p}.language AND cp.correction_id = ${correctionInEffect(pair)}
      UNION ALL
      SELECT 2, rp.chosen_id, rp.rejected_id, rp.score_chosen, rp.score_rejected, rp.margin, rp.skip_reason, rp.skip_detail, rp.basis
      FROM run_proposals rp
      WHERE rp.run_id = ${p}.run_id AND rp.group_id = ${p}.group_id AND rp.language = ${p}.language
    ) x ORDER BY x.src LIMIT 1
  ) ap ON true`;
}

/**
 * The basis (score | language_guard | random) of the pair aliased `pair`, given its automatic proposal
 * joined as `ap`: the proposal's, while the pair still holds the proposed chosen and rejected; NULL for a
 * pair a human chose otherwise (its margin is then a plain score difference) and for a skip.
 */
export function pairBasis(pair: string): Sql {
  const p = raw(pair);
  return sql`CASE WHEN ap.chosen_id = ${p}.chosen_id AND ap.rejected_id = ${p}.rejected_id THEN ap.basis END`;
}

/** The status an automatic proposal (joined as `ap`) gives a pair: the SQL twin of `autoStatus`. */
export const AUTO_STATUS_SQL: Sql = sql`(CASE WHEN ap.chosen_id IS NOT NULL AND ap.skip_reason IS NULL THEN 'proposed' ELSE 'skipped' END)::"PairStatus"`;

/** The responses and scores a pair or an automatic proposal holds, as `proposalValues` reads them. */
export const proposalShape = {
  chosenId: z.number().nullable(),
  rejectedId: z.number().nullable(),
  scoreChosen: z.number().nullable(),
  scoreRejected: z.number().nullable(),
  margin: z.number().nullable(),
  skipReason: z.string().nullable(),
};

/** The columns of `proposalShape` from the row aliased `row` (a pair, or `ap`). */
export function proposalValues(row: string): Sql {
  const r = raw(row);
  return sql`${r}.chosen_id AS "chosenId", ${r}.rejected_id AS "rejectedId", ${r}.score_chosen AS "scoreChosen",
             ${r}.score_rejected AS "scoreRejected", ${r}.margin, ${r}.skip_reason AS "skipReason"`;
}

const ZAutoProposal = z.object({ ...proposalShape, found: z.boolean() });
export type AutoProposal = z.infer<typeof ZAutoProposal>;

const NONE: AutoProposal = {
  chosenId: null,
  rejectedId: null,
  scoreChosen: null,
  scoreRejected: null,
  margin: null,
  skipReason: null,
  found: false,
};

/** The pair's automatic proposal (see `autoProposalJoin`); `found` is false when nothing proposed it. */
export async function autoProposalOf(db: Queryable, pairId: number): Promise<AutoProposal> {
  const row = await queryMaybeOne(
    db,
    sql`SELECT ${proposalValues("ap")}, coalesce(ap.found, false) AS found
        FROM pairs p ${autoProposalJoin("p")} WHERE p.id = ${pairId}`,
    ZAutoProposal,
  );
  return row ?? NONE;
}

/** The status an automatic proposal gives a pair. */
export function autoStatus(p: AutoProposal): "proposed" | "skipped" {
  return p.found && p.chosenId !== null && p.skipReason === null ? "proposed" : "skipped";
}

/**
 * What the table, the review card and the detail show of the automatic proposal, for the pair aliased
 * `pair` with `autoProposalJoin(pair)`: basis, skipDetail (the pair's own skip's), proposedSkipReason,
 * proposedSkipDetail (why a human pair in conflict has no proposal).
 */
export function proposalColumns(pair: string): Sql {
  const p = raw(pair);
  return sql`${pairBasis(pair)} AS basis, CASE WHEN ${p}.skip_reason = ap.skip_reason THEN ap.skip_detail END AS "skipDetail",
            ap.skip_reason AS "proposedSkipReason", ap.skip_detail AS "proposedSkipDetail"`;
}
