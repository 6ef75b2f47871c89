import { effectiveReferenceJoin, fragmentText } from "@/lib/effective-pair/reference-in-effect";
import { LOW_CONS, type Cursor, type PairFilter, type SortColumn } from "./table";
import { MIXED_SHARE } from "./constants";

/** Positional parameters collected while building one statement. */
export class Params {
  readonly values: unknown[] = [];
  constructor(initial: unknown[] = []) {
    this.values.push(...initial);
  }
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

export const SORT_SQL: Record<SortColumn, { expr: string; nullable: boolean }> = {
  margin: { expr: "p.margin", nullable: true },
  scoreChosen: { expr: "p.score_chosen", nullable: true },
  scoreRejected: { expr: "p.score_rejected", nullable: true },
  group: { expr: "p.group_id", nullable: false },
  id: { expr: "p.id", nullable: false },
};

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * WHERE conditions (joined with AND) over `pairs p`, scoped to the dataset. The low-Cons flag reads
 * the Cons of the reference the pair was scored against (a correction's, else its run's); search looks at the prompt texts and the two paired responses.
 */
export function filterConditions(datasetId: number, f: PairFilter, params: Params): string[] {
  const dataset = params.add(datasetId);
  const where = [`p.dataset_id = ${dataset}`];
  if (f.lang) where.push(`p.language = ${params.add(f.lang)}`);
  if (f.status) where.push(`p.status = ${params.add(f.status)}::"PairStatus"`);
  if (f.origin) where.push(`p.origin = ${params.add(f.origin)}::"PairOrigin"`);
  if (f.minMargin !== undefined) where.push(`p.margin >= ${params.add(f.minMargin)}`);
  if (f.maxMargin !== undefined) where.push(`p.margin <= ${params.add(f.maxMargin)}`);
  for (const flag of f.flags) {
    if (flag === "conflict") where.push("p.conflict");
    if (flag === "offTarget") where.push("p.off_target");
    if (flag === "mixed") {
      where.push(`EXISTS (SELECT 1 FROM responses r WHERE r.id IN (p.chosen_id, p.rejected_id) AND r.target_share < ${params.add(MIXED_SHARE)})`);
    }
    if (flag === "flagged") where.push("p.flagged");
    if (flag === "skipped") where.push(`p.status = 'skipped'`);
    if (flag === "lowCons") {
      where.push(`EXISTS (SELECT 1 FROM (SELECT 1) one ${fragmentText(effectiveReferenceJoin("p"))} WHERE eref.cons < ${params.add(LOW_CONS)})`);
    }
  }
  if (f.q) {
    // The matching pairs are found from the text side, so the pairs scan stays an id lookup: prompt
    // texts through their trigram index (prompt_texts_text_search_idx), response texts through the
    // search copy's (response_search_texts_text_idx) plus, for responses not copied yet, a scan of the
    // id ranges still listed in response_search_pending (lib/search). Every response is in one or the
    // other in any snapshot, so the result does not depend on how far indexing got. OFFSET 0 keeps
    // the pending scan a loop over the (few) ranges: flattened, the planner may prefer one scan of
    // all the dataset's responses when the pending table's statistics are stale.
    const like = params.add(likePattern(f.q));
    where.push(`p.id IN (
      SELECT m.id FROM prompt_texts pt JOIN pairs m ON m.dataset_id = ${dataset} AND m.group_id = pt.group_id
      WHERE pt.dataset_id = ${dataset} AND pt.text ILIKE ${like}
      UNION
      SELECT m.id FROM response_search_texts s JOIN pairs m ON m.dataset_id = ${dataset} AND m.group_id = s.group_id AND m.language = s.language
      WHERE s.dataset_id = ${dataset} AND s.text ILIKE ${like} AND s.response_id IN (m.chosen_id, m.rejected_id)
      UNION
      SELECT m.id FROM response_search_pending q
      CROSS JOIN LATERAL (SELECT r.id, r.group_id, r.language FROM responses r
        WHERE r.dataset_id = ${dataset} AND r.id BETWEEN q.from_id AND q.to_id AND r.text ILIKE ${like} OFFSET 0) r
      JOIN pairs m ON m.dataset_id = ${dataset} AND m.group_id = r.group_id AND m.language = r.language
      WHERE q.dataset_id = ${dataset} AND r.id IN (m.chosen_id, m.rejected_id))`);
  }
  return where;
}

/** Characters of context on each side of a search match. */
const MATCH_CONTEXT = 60;

/**
 * Where a searched pair matched, for one page of results: the group's prompt, else the chosen, else the
 * rejected response, with the text around the first occurrence and whether the text goes on before
 * and after it (`{"in", "snippet", "cutStart", "cutEnd"}`, or NULL).
 */
export function matchSql(q: string, params: Params): string {
  const like = params.add(likePattern(q));
  const term = params.add(q.toLowerCase());
  return `(SELECT json_build_object('in', m.place, 'snippet', substr(m.text, m.s, m.n), 'cutStart', m.s > 1, 'cutEnd', m.s + m.n <= length(m.text))
           FROM (SELECT u.place, u.rank, u.text, greatest(strpos(lower(u.text), ${term}) - ${MATCH_CONTEXT}, 1) AS s, length(${term}) + ${2 * MATCH_CONTEXT} AS n
                 FROM (SELECT 'prompt' AS place, 0 AS rank, pt.text FROM prompt_texts pt WHERE pt.group_id = p.group_id AND pt.text ILIKE ${like}
                       UNION ALL SELECT 'chosen', 1, r.text FROM responses r WHERE r.id = p.chosen_id AND r.text ILIKE ${like}
                       UNION ALL SELECT 'rejected', 2, r.text FROM responses r WHERE r.id = p.rejected_id AND r.text ILIKE ${like}) u) m
           ORDER BY m.rank, m.place LIMIT 1)`;
}

/**
 * The keyset conditions for the next page (after `cursor`, or the first page when it is null) in the
 * order of pageOrder, one per branch of a UNION ALL: rows with a sort value, then rows without (skipped
 * pairs have no scores), in both directions. Each branch is a plain range scan of a (dataset, sort, id)
 * b-tree index, forward or backward, ordered by branchOrder.
 */
export function keysetBranches(column: SortColumn, dir: "asc" | "desc", cursor: Cursor | null, params: Params): string[] {
  const { expr, nullable } = SORT_SQL[column];
  const cmp = dir === "asc" ? ">" : "<";
  if (cursor === null) return nullable ? [`${expr} IS NOT NULL`, `${expr} IS NULL`] : ["true"];
  const id = params.add(cursor.id);
  if (column === "id") return [`p.id ${cmp} ${id}`];
  if (cursor.value === null) return [`${expr} IS NULL AND p.id ${cmp} ${id}`];
  const tuple = `(${expr}, p.id) ${cmp} (${params.add(cursor.value)}, ${id})`;
  return nullable ? [tuple, `${expr} IS NULL`] : [tuple];
}

/** Order inside one keyset branch: Postgres' default NULL placement, which an index scan gives in either direction. */
export function branchOrder(column: SortColumn, dir: "asc" | "desc"): string {
  if (column === "id") return `p.id ${dir}`;
  return `${SORT_SQL[column].expr} ${dir}, p.id ${dir}`;
}

/** The page's order: rows without a sort value last, whichever the direction. */
export function pageOrder(column: SortColumn, dir: "asc" | "desc"): string {
  if (column === "id") return `p.id ${dir}`;
  return `${SORT_SQL[column].expr} ${dir} NULLS LAST, p.id ${dir}`;
}
