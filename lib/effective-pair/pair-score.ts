import { raw, sql, type Sql } from "@/lib/db/sql";
import { correctionInEffect } from "./reference-in-effect";

/**
 * The score of `response` (a response id, or a fragment giving one) in the pair aliased `pair`: the
 * pair's own score when the response is already in it; else the score the reference correction in
 * effect computed for it; else the pair's run's score.
 */
export function pairScore(pair: string, response: number | null | Sql): Sql {
  const q = raw(pair);
  return sql`CASE ${response}::int WHEN ${q}.chosen_id THEN ${q}.score_chosen WHEN ${q}.rejected_id THEN ${q}.score_rejected
          ELSE coalesce(
            (SELECT score FROM reference_scores WHERE correction_id = ${correctionInEffect(pair)} AND response_id = ${response}::int),
            (SELECT score FROM run_scores WHERE run_id = ${q}.run_id AND response_id = ${response}::int)) END`;
}
