import { correctionInEffectSql } from "@/lib/references/auto-proposal";

/**
 * SQL for the score of response `response` (a parameter) in pair `q`: the pair's own score when the
 * response is already in it; else the score the reference correction in effect computed for it; else
 * the pair's run's score.
 */
export function pairScoreSql(response: string): string {
  return `CASE ${response}::int WHEN q.chosen_id THEN q.score_chosen WHEN q.rejected_id THEN q.score_rejected
          ELSE coalesce(
            (SELECT score FROM reference_scores WHERE correction_id = ${correctionInEffectSql("q")} AND response_id = ${response}::int),
            (SELECT score FROM run_scores WHERE run_id = q.run_id AND response_id = ${response}::int)) END`;
}
