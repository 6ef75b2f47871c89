import { empty, join, raw, sql, type Sql } from "@/lib/db/sql";
import { effectiveReferenceJoin } from "@/lib/effective-pair/reference-in-effect";
import { LOW_CONS, type Cursor, type PairFilter, type SortColumn } from "./table";
import { likePattern } from "@/lib/search/like-pattern";
import { MIXED_SHARE } from "./constants";

export const SORT_SQL: Record<SortColumn, { expr: Sql; nullable: boolean }> = {
  margin: { expr: raw("p.margin"), nullable: true },
  scoreChosen: { expr: raw("p.score_chosen"), nullable: true },
  scoreRejected: { expr: raw("p.score_rejected"), nullable: true },
  group: { expr: raw("p.group_id"), nullable: false },
  id: { expr: raw("p.id"), nullable: false },
};

/**
 * A filter as SQL over `pairs p`. `withHits` opens the statement (or the sub-statement) whose WHERE
 * holds `where`: with a search, `WITH search_hits AS MATERIALIZED (…) `, the matches `where` reads;
 * empty without one.
 */
export type FilterSql = { withHits: Sql; where: Sql };

/**
 * The filter's conditions, scoped to the dataset and joined with AND. The low-Cons flag reads the Cons
 * of the reference the pair was scored against (a correction's, else its run's); search looks at the
 * prompt and the two paired responses of the pair's language.
 */
export function filterConditions(datasetId: number, f: PairFilter): FilterSql {
  const where = [sql`p.dataset_id = ${datasetId}`];
  if (f.lang) where.push(sql`p.language = ${f.lang}`);
  if (f.status) where.push(sql`p.status = ${f.status}::"PairStatus"`);
  if (f.origin) where.push(sql`p.origin = ${f.origin}::"PairOrigin"`);
  if (f.minMargin !== undefined) where.push(sql`p.margin >= ${f.minMargin}`);
  if (f.maxMargin !== undefined) where.push(sql`p.margin <= ${f.maxMargin}`);
  if (f.consensus?.length) where.push(sql`p.consensus = ANY(${f.consensus}::text[])`);
  for (const flag of f.flags) {
    if (flag === "conflict") where.push(sql`p.conflict`);
    if (flag === "offTarget") where.push(sql`p.off_target`);
    if (flag === "mixed") {
      where.push(sql`EXISTS (SELECT 1 FROM responses r WHERE r.id IN (p.chosen_id, p.rejected_id) AND r.target_share < ${MIXED_SHARE})`);
    }
    if (flag === "flagged") where.push(sql`p.flagged`);
    if (flag === "skipped") where.push(sql`p.status = 'skipped'`);
    if (flag === "lowCons") {
      where.push(sql`EXISTS (SELECT 1 FROM (SELECT 1) one ${effectiveReferenceJoin("p")} WHERE eref.cons < ${LOW_CONS})`);
    }
  }
  if (!f.q) return { withHits: empty, where: join(where, " AND ") };
  where.push(sql`p.id IN (SELECT id FROM ${raw(SEARCH_HITS)})`);
  return { withHits: sql`WITH ${raw(SEARCH_HITS)} AS MATERIALIZED (${searchHitsSql(datasetId, f.q)}) `, where: join(where, " AND ") };
}

/** Characters of context on each side of a search match. */
const MATCH_CONTEXT = 60;

/**
 * Where a searched pair matched, for one page of results: its language's prompt, else the chosen, else the
 * rejected response, with the text around the first occurrence and whether the text goes on before
 * and after it (`{"in", "snippet", "cutStart", "cutEnd"}`, or NULL).
 */
export function matchSql(q: string): Sql {
  const like = likePattern(q);
  const term = q.toLowerCase();
  return sql`(SELECT json_build_object('in', m.place, 'snippet', substr(m.text, m.s, m.n), 'cutStart', m.s > 1, 'cutEnd', m.s + m.n <= length(m.text))
           FROM (SELECT u.place, u.rank, u.text, greatest(strpos(lower(u.text), ${term}::text) - ${raw(String(MATCH_CONTEXT))}, 1) AS s,
                        length(${term}::text) + ${raw(String(2 * MATCH_CONTEXT))} AS n
                 FROM (SELECT 'prompt' AS place, 0 AS rank, pt.text FROM prompt_texts pt WHERE pt.group_id = p.group_id AND pt.language = p.language AND pt.text ILIKE ${like}::text
                       UNION ALL SELECT 'chosen', 1, r.text FROM responses r WHERE r.id = p.chosen_id AND r.text ILIKE ${like}::text
                       UNION ALL SELECT 'rejected', 2, r.text FROM responses r WHERE r.id = p.rejected_id AND r.text ILIKE ${like}::text) u) m
           ORDER BY m.rank, m.place LIMIT 1)`;
}

/**
 * The keyset conditions for the next page (after `cursor`, or the first page when it is null) in the
 * order of pageOrder, one per branch of a UNION ALL: rows with a sort value, then rows without (skipped
 * pairs have no scores), in both directions. Each branch is a plain range scan of a (dataset, sort, id)
 * b-tree index, forward or backward, ordered by branchOrder.
 */
export function keysetBranches(column: SortColumn, dir: "asc" | "desc", cursor: Cursor | null): Sql[] {
  const { expr, nullable } = SORT_SQL[column];
  const cmp = raw(dir === "asc" ? ">" : "<");
  if (cursor === null) return nullable ? [sql`${expr} IS NOT NULL`, sql`${expr} IS NULL`] : [sql`true`];
  if (column === "id") return [sql`p.id ${cmp} ${cursor.id}`];
  if (cursor.value === null) return [sql`${expr} IS NULL AND p.id ${cmp} ${cursor.id}`];
  const tuple = sql`(${expr}, p.id) ${cmp} (${cursor.value}, ${cursor.id})`;
  return nullable ? [tuple, sql`${expr} IS NULL`] : [tuple];
}

/** Order inside one keyset branch: Postgres' default NULL placement, which an index scan gives in either direction. */
export function branchOrder(column: SortColumn, dir: "asc" | "desc", alias = "p"): Sql {
  const d = raw(dir);
  if (column === "id") return sql`${raw(alias)}.id ${d}`;
  return sql`${sortExpr(column, alias)} ${d}, ${raw(alias)}.id ${d}`;
}

/** The page's order: rows without a sort value last, whichever the direction. */
export function pageOrder(column: SortColumn, dir: "asc" | "desc", alias = "p"): Sql {
  const d = raw(dir);
  if (column === "id") return sql`${raw(alias)}.id ${d}`;
  return sql`${sortExpr(column, alias)} ${d} NULLS LAST, ${raw(alias)}.id ${d}`;
}

function sortExpr(column: SortColumn, alias: string): Sql {
  return raw(SORT_SQL[column].expr.text.replace(/^p\./, `${alias}.`));
}

/**
 * The CTE of a searched statement's matches: materialized, the trigram scans run once per statement,
 * not once per test of `p.id IN (…)` (a pairs page tests it in each keyset branch; at 10M pairs each
 * scan costs ~25 ms of posting lists).
 */
const SEARCH_HITS = "search_hits";

/**
 * Ids of the dataset's pairs whose prompt (in the pair's language), chosen or rejected text contains `q`.
 * The matching pairs are found from the text side, so the pairs scan stays an id lookup: prompt
 * texts through their trigram index (prompt_texts_text_search_idx), response texts through the
 * search copy's (response_search_texts_text_idx) plus, for responses not copied yet, a scan of the
 * id ranges still listed in response_search_pending (lib/search). Every response is in one or the
 * other in any snapshot, so the result does not depend on how far indexing got. OFFSET 0 keeps
 * the pending scan a loop over the (few) ranges: flattened, the planner may prefer one scan of
 * all the dataset's responses when the pending table's statistics are stale. A pair matches in its
 * own language only: its prompt, its chosen or its rejected text (lib/search/group-search.ts
 * searches every response and prompt of a group).
 */
function searchHitsSql(datasetId: number, q: string): Sql {
  const like = likePattern(q);
  const dataset = datasetId;
  return sql`
    SELECT m.id FROM prompt_texts pt JOIN pairs m ON m.dataset_id = ${dataset} AND m.group_id = pt.group_id AND m.language = pt.language
    WHERE pt.dataset_id = ${dataset} AND pt.text ILIKE ${like}::text
    UNION
    SELECT m.id FROM response_search_texts s JOIN pairs m ON m.dataset_id = ${dataset} AND m.group_id = s.group_id AND m.language = s.language
    WHERE s.dataset_id = ${dataset} AND s.text ILIKE ${like}::text AND s.response_id IN (m.chosen_id, m.rejected_id)
    UNION
    SELECT m.id FROM response_search_pending q
    CROSS JOIN LATERAL (SELECT r.id, r.group_id, r.language FROM responses r
      WHERE r.dataset_id = ${dataset} AND r.id BETWEEN q.from_id AND q.to_id AND r.text ILIKE ${like}::text OFFSET 0) r
    JOIN pairs m ON m.dataset_id = ${dataset} AND m.group_id = r.group_id AND m.language = r.language
    WHERE q.dataset_id = ${dataset} AND r.id IN (m.chosen_id, m.rejected_id)`;
}
