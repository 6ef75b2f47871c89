import { raw, sql, type Sql } from "@/lib/db/sql";

// The reference-in-effect rule, once, as SQL. Its pure twin is lib/pipeline/reference-in-effect.ts;
// reference-in-effect.db.test.ts proves them equal on generated histories.

/** A table alias, spliced as an identifier (never user input). */
function alias(name: string): Sql {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a table alias: ${name}`);
  return raw(name);
}

/**
 * The id of the reference correction in effect for the pair aliased `pair` (a scalar subquery, NULL when
 * none): the group's latest correction, when it is newer than the pair's run.
 */
export function correctionInEffect(pair: string): Sql {
  const p = alias(pair);
  return sql`(SELECT c.id FROM reference_corrections c
           WHERE c.group_id = ${p}.group_id
             AND c.created_at > coalesce((SELECT r.finished_at FROM pipeline_runs r WHERE r.id = ${p}.run_id), '-infinity'::timestamp)
           ORDER BY c.id DESC LIMIT 1)`;
}

/**
 * `LEFT JOIN LATERAL … eref` giving the reference the pair aliased `pair` was scored against and its
 * Cons: the correction in effect's (its Cons from reference_scores), else the pair's run's. Columns:
 * response_id, cons, correction_id. A correction restoring "the run's own rule" (no response) reads as
 * the run's reference. A correction from before reference_scores existed has no Cons unless it kept
 * the run's reference.
 */
export function effectiveReferenceJoin(pair: string): Sql {
  const p = alias(pair);
  return sql`LEFT JOIN LATERAL (
    SELECT coalesce(c.response_id, rr.response_id) AS response_id, c.id AS correction_id,
           CASE WHEN c.id IS NULL THEN rr.cons ELSE coalesce(rs.score, CASE WHEN c.response_id = rr.response_id THEN rr.cons END) END AS cons
    FROM (SELECT ${correctionInEffect(pair)} AS id) ce
    LEFT JOIN reference_corrections c ON c.id = ce.id
    LEFT JOIN reference_scores rs ON rs.correction_id = c.id AND rs.response_id = c.response_id
    LEFT JOIN run_references rr ON rr.run_id = ${p}.run_id AND rr.group_id = ${p}.group_id
  ) eref ON true`;
}
