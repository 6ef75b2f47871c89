import type { Database } from "@/lib/db/client";
import { queryTrusted, type Queryable, sql } from "@/lib/db/sql";
import type { RunChartData } from "@/lib/dashboards/charts/run";

type Row = {
  kind: "margin" | "chosen" | "rejected" | "skip";
  language: string;
  bucket: number | null;
  reason: string | null;
  n: number;
  mean_margin: number | null;
  guards: number;
};

/**
 * Proposals of one language with one skip reason (null: paired), their mean margin over score pairs
 * (a language-guard pair's score difference is not what chose it) and how many are guard pairs.
 */
export type ProposalCount = { language: string; skipReason: string | null; n: number; meanMargin: number | null; guardPairs: number };

/**
 * A run's proposals as histograms (margin, CL of chosen and of rejected for paired proposals) and
 * counts per language and skip reason: one scan of the run's rows in run_proposals, grouping sets
 * over a fine aggregate, so only a few hundred rows reach Node. Computed once when a run ends and
 * kept in its summary (a 1M-proposal scan takes seconds); runs from before that are computed here.
 */
export async function runProposalScan(
  db: Queryable,
  datasetId: number,
  runId: number,
): Promise<{ charts: RunChartData; counts: ProposalCount[] }> {
  const rows = await queryTrusted<Row>(
    db,
    sql`WITH fine AS (
       SELECT language, skip_reason, stats_unit_bucket(margin) AS mb,
              CASE WHEN skip_reason IS NULL THEN stats_unit_bucket(score_chosen) END AS cb,
              CASE WHEN skip_reason IS NULL THEN stats_unit_bucket(score_rejected) END AS rb,
              count(*) AS n, sum(margin) FILTER (WHERE basis IS DISTINCT FROM 'language_guard') AS margin_sum,
              count(margin) FILTER (WHERE basis IS DISTINCT FROM 'language_guard') AS margins,
              count(*) FILTER (WHERE basis = 'language_guard') AS guards
       FROM run_proposals WHERE dataset_id = ${datasetId} AND run_id = ${runId} GROUP BY 1, 2, 3, 4, 5)
     SELECT CASE WHEN GROUPING(mb) = 0 THEN 'margin' WHEN GROUPING(cb) = 0 THEN 'chosen' WHEN GROUPING(rb) = 0 THEN 'rejected' ELSE 'skip' END AS kind,
            language, coalesce(mb, cb, rb) AS bucket, skip_reason AS reason, sum(n)::int AS n,
            (sum(margin_sum) / nullif(sum(margins), 0))::float8 AS mean_margin, sum(guards)::int AS guards
     FROM fine GROUP BY GROUPING SETS ((language, mb), (language, cb), (language, rb), (language, skip_reason))
     ORDER BY 1, 2, 3, 4`,
  );
  const of = (kind: Row["kind"]) => rows.filter((r) => r.kind === kind);
  const buckets = (kind: Row["kind"], keepNone: boolean) =>
    of(kind)
      .filter((r) => keepNone || r.bucket !== null)
      .map((r) => ({ language: r.language, bucket: r.bucket, n: r.n }));
  const charts = {
    margins: buckets("margin", true),
    // NULL here is the grouping set's "skipped, no score" row, which the score charts leave out.
    chosenScores: buckets("chosen", false),
    rejectedScores: buckets("rejected", false),
    skips: of("skip").flatMap((r) => (r.reason === null ? [] : [{ language: r.language, reason: r.reason, n: r.n }])),
  };
  const counts = of("skip").map((r) => ({
    language: r.language,
    skipReason: r.reason,
    n: r.n,
    meanMargin: r.reason === null ? r.mean_margin : null,
    guardPairs: r.guards,
  }));
  return { charts, counts };
}

/** The run page's histograms (see runProposalScan). */
export async function runProposalAggregates(db: Queryable, datasetId: number, runId: number): Promise<RunChartData> {
  return (await runProposalScan(db, datasetId, runId)).charts;
}

/** Whether the run is the dataset's latest succeeded select run (its proposals are the effective auto pairs). */
export async function isLatestSelectRun(db: Database, datasetId: number, runId: number): Promise<boolean> {
  const rows = await queryTrusted<{ id: number | null }>(
    db.pool,
    sql`SELECT max(id) AS id FROM pipeline_runs WHERE dataset_id = ${datasetId} AND kind = 'select' AND status = 'succeeded'`,
  );
  return rows[0]?.id === runId;
}
