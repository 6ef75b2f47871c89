/**
 * SQL for the score of response `response` (a parameter) in pair `q`: the pair's own score when the
 * response is already in it (a reference correction's, when one is in effect), else its run's score.
 */
export function pairScoreSql(response: string): string {
  return `CASE ${response}::int WHEN q.chosen_id THEN q.score_chosen WHEN q.rejected_id THEN q.score_rejected
          ELSE (SELECT score FROM run_scores WHERE run_id = q.run_id AND response_id = ${response}::int) END`;
}
