import { empty, sql, type Sql } from "@/lib/db/sql";
import { effectiveReferenceJoin } from "@/lib/effective-pair/reference-in-effect";
import { FORMAT_SPECS, type ExportReview } from "@/lib/export/formats";
import type { ExportFilters } from "./config";

/** A statement's text and bind values (a `Sql` is one), for callers that declare cursors on it. */
export type SqlQuery = { text: string; values: unknown[] };

const STATUSES: Record<ExportFilters["status"], string[]> = {
  effective: ["proposed", "accepted"],
  accepted: ["accepted"],
};

/** The filters on `pairs` alone, shared by the rows, the count and the run ids. */
function pairFilter(datasetId: number, f: ExportFilters): Sql {
  return sql`p.dataset_id = ${datasetId} AND p.language = ANY(${f.languages}::text[]) AND p.status = ANY(${STATUSES[f.status]}::"PairStatus"[])
       AND p.chosen_id IS NOT NULL AND p.rejected_id IS NOT NULL
       AND (${f.minMargin}::float8 IS NULL OR p.margin >= ${f.minMargin}::float8)
       AND (NOT ${f.excludeFlagged}::boolean OR (NOT p.flagged AND NOT p.conflict))
       ${f.consensus?.length ? sql`AND p.consensus = ANY(${f.consensus}::text[])` : empty}`;
}

/** A vote's or verdict's side relative to the exported pair (alias `x` of review_votes or review_adjudications). */
const SIDE = sql`CASE x.verdict WHEN 'response' THEN CASE x.preferred_id WHEN p.chosen_id THEN 'chosen' WHEN p.rejected_id THEN 'rejected'
             ELSE 'other' END ELSE x.verdict END`;
const AT = sql`to_char(x.created_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The pair's team review as cm-align writes it, read in the export's own pass: two index probes per
 * pair (review_votes_pair_user_key, review_adjudications_pair_idx), and none for pairs nobody reviewed.
 */
const REVIEW_COLUMNS = sql`p.consensus,
       CASE WHEN p.votes > 0 THEN (SELECT json_agg(json_build_object('reviewer', u.email, 'preferred', ${SIDE}, 'reason', x.reason,
                                     'seconds', x.seconds, 'at', ${AT}) ORDER BY x.id)
                                   FROM review_votes x LEFT JOIN users u ON u.id = x.user_id WHERE x.pair_id = p.id) END AS votes,
       CASE WHEN p.consensus = 'adjudicated' THEN (SELECT json_build_object('adjudicator', u.email, 'preferred', ${SIDE}, 'reason', x.reason, 'at', ${AT})
                                   FROM review_adjudications x LEFT JOIN users u ON u.id = x.user_id WHERE x.pair_id = p.id
                                   ORDER BY x.id DESC LIMIT 1) END AS adjudication`;

export type ExportPairRow = {
  id: number;
  group_id: number;
  external_id: string;
  language: string;
  prompt: string | null;
  chosen: string;
  rejected: string;
  en_reference: string | null;
  score_chosen: number | null;
  score_rejected: number | null;
  margin: number | null;
  origin: "auto" | "human";
  status: string;
  run_id: number | null;
  scorer: string | null;
  /** Only for formats that carry the team review. */
  consensus?: ExportReview["consensus"];
  votes?: ExportReview["votes"] | null;
  adjudication?: ExportReview["adjudication"];
};

/**
 * Effective pairs with every text they need, ordered by (group, language) in byte order. The English
 * reference is the one the pair was scored against (lib/effective-pair's reference in effect); the
 * team review only for the formats that carry it.
 */
export function exportPairsQuery(datasetId: number, filters: ExportFilters): Sql {
  return sql`SELECT p.id, p.group_id, g.external_id, p.language, pt.text AS prompt, c.text AS chosen, r.text AS rejected,
       ref.text AS en_reference, p.score_chosen, p.score_rejected, p.margin, p.origin::text AS origin,
       p.status::text AS status, p.run_id, rr.scorer${FORMAT_SPECS[filters.format].review ? sql`, ${REVIEW_COLUMNS}` : empty}
FROM pairs p
JOIN prompt_groups g ON g.id = p.group_id
JOIN responses c ON c.id = p.chosen_id
JOIN responses r ON r.id = p.rejected_id
LEFT JOIN prompt_texts pt ON pt.group_id = p.group_id AND pt.language = p.language
LEFT JOIN run_references rr ON rr.run_id = p.run_id AND rr.group_id = p.group_id
${effectiveReferenceJoin("p")}
LEFT JOIN responses ref ON ref.id = eref.response_id
WHERE ${pairFilter(datasetId, filters)}
ORDER BY p.group_id, p.language COLLATE "C"`;
}

export function exportPairsCountQuery(datasetId: number, filters: ExportFilters): Sql {
  return sql`SELECT count(*)::int AS n FROM pairs p WHERE ${pairFilter(datasetId, filters)}`;
}

export function exportRunIdsQuery(datasetId: number, filters: ExportFilters): Sql {
  return sql`SELECT DISTINCT p.run_id FROM pairs p WHERE ${pairFilter(datasetId, filters)} AND p.run_id IS NOT NULL ORDER BY p.run_id`;
}
