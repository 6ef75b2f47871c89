import type { ExportFilters } from "./config";

export type SqlQuery = { text: string; values: unknown[] };

const STATUSES: Record<ExportFilters["status"], string[]> = {
  effective: ["proposed", "accepted"],
  accepted: ["accepted"],
};

/** The filters on `pairs` alone ($1..$5), shared by the rows, the count and the run ids. */
function pairFilter(datasetId: number, f: ExportFilters): SqlQuery {
  return {
    text: `p.dataset_id = $1 AND p.language = ANY($2::text[]) AND p.status = ANY($3::"PairStatus"[])
       AND p.chosen_id IS NOT NULL AND p.rejected_id IS NOT NULL
       AND ($4::float8 IS NULL OR p.margin >= $4::float8)
       AND (NOT $5::boolean OR (NOT p.flagged AND NOT p.conflict))`,
    values: [datasetId, f.languages, STATUSES[f.status], f.minMargin, f.excludeFlagged],
  };
}

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
};

/**
 * Effective pairs with every text they need, ordered by (group, language) in byte order.
 * The English reference is the one the pair was scored against (as lib/references decides it): the
 * group's latest reference correction (pick, edit, or undo restoring the earlier one) unless the run
 * that made the pair finished after it, else that run's reference.
 */
export function exportPairsQuery(datasetId: number, filters: ExportFilters): SqlQuery {
  const where = pairFilter(datasetId, filters);
  return {
    text: `SELECT p.id, p.group_id, g.external_id, p.language, pt.text AS prompt, c.text AS chosen, r.text AS rejected,
       ref.text AS en_reference, p.score_chosen, p.score_rejected, p.margin, p.origin::text AS origin,
       p.status::text AS status, p.run_id, rr.scorer
FROM pairs p
JOIN prompt_groups g ON g.id = p.group_id
JOIN responses c ON c.id = p.chosen_id
JOIN responses r ON r.id = p.rejected_id
LEFT JOIN prompt_texts pt ON pt.group_id = p.group_id AND pt.language = p.language
LEFT JOIN run_references rr ON rr.run_id = p.run_id AND rr.group_id = p.group_id
LEFT JOIN pipeline_runs pr ON pr.id = p.run_id
LEFT JOIN LATERAL (
  SELECT rc.response_id, rc.created_at FROM reference_corrections rc WHERE rc.group_id = p.group_id ORDER BY rc.id DESC LIMIT 1
) corr ON true
LEFT JOIN responses ref ON ref.id = CASE WHEN corr.created_at > coalesce(pr.finished_at, '-infinity') THEN corr.response_id ELSE rr.response_id END
WHERE ${where.text}
ORDER BY p.group_id, p.language COLLATE "C"`,
    values: where.values,
  };
}

export function exportPairsCountQuery(datasetId: number, filters: ExportFilters): SqlQuery {
  const where = pairFilter(datasetId, filters);
  return { text: `SELECT count(*)::int AS n FROM pairs p WHERE ${where.text}`, values: where.values };
}

export function exportRunIdsQuery(datasetId: number, filters: ExportFilters): SqlQuery {
  const where = pairFilter(datasetId, filters);
  return {
    text: `SELECT DISTINCT p.run_id FROM pairs p WHERE ${where.text} AND p.run_id IS NOT NULL ORDER BY p.run_id`,
    values: where.values,
  };
}
