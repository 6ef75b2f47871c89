import type { Pool, PoolClient } from "pg";
import type { Database } from "@/lib/db/client";
import type { RunChartData } from "@/lib/charts/run";

type Row = { kind: "margin" | "chosen" | "rejected" | "skip"; language: string; bucket: number | null; reason: string | null; n: number };

/**
 * A run's proposals as histograms (margin, CL of chosen and of rejected for paired proposals) and
 * skip counts per language and reason: one scan of the run's rows in run_proposals, grouping sets
 * over a fine aggregate, so only a few hundred rows reach Node. Computed once when a run ends and
 * kept in its summary (a 1M-proposal scan takes seconds); runs from before that are computed here.
 */
export async function runProposalAggregates(db: Pool | PoolClient, datasetId: number, runId: number): Promise<RunChartData> {
  const { rows } = await db.query<Row>(
    `WITH fine AS (
       SELECT language, skip_reason, stats_unit_bucket(margin) AS mb,
              CASE WHEN skip_reason IS NULL THEN stats_unit_bucket(score_chosen) END AS cb,
              CASE WHEN skip_reason IS NULL THEN stats_unit_bucket(score_rejected) END AS rb,
              count(*) AS n
       FROM run_proposals WHERE dataset_id = $1 AND run_id = $2 GROUP BY 1, 2, 3, 4, 5)
     SELECT CASE WHEN GROUPING(mb) = 0 THEN 'margin' WHEN GROUPING(cb) = 0 THEN 'chosen' WHEN GROUPING(rb) = 0 THEN 'rejected' ELSE 'skip' END AS kind,
            language, coalesce(mb, cb, rb) AS bucket, skip_reason AS reason, sum(n)::int AS n
     FROM fine GROUP BY GROUPING SETS ((language, mb), (language, cb), (language, rb), (language, skip_reason))
     ORDER BY 1, 2, 3, 4`,
    [datasetId, runId],
  );
  const of = (kind: Row["kind"]) => rows.filter((r) => r.kind === kind);
  const buckets = (kind: Row["kind"], keepNone: boolean) =>
    of(kind).filter((r) => keepNone || r.bucket !== null).map((r) => ({ language: r.language, bucket: r.bucket, n: r.n }));
  return {
    margins: buckets("margin", true),
    // NULL here is the grouping set's "skipped, no score" row, which the score charts leave out.
    chosenScores: buckets("chosen", false),
    rejectedScores: buckets("rejected", false),
    skips: of("skip").flatMap((r) => (r.reason === null ? [] : [{ language: r.language, reason: r.reason, n: r.n }])),
  };
}

/** Whether the run is the dataset's latest succeeded select run (its proposals are the effective auto pairs). */
export async function isLatestSelectRun(db: Database, datasetId: number, runId: number): Promise<boolean> {
  const { rows } = await db.pool.query<{ id: number | null }>(
    `SELECT max(id) AS id FROM pipeline_runs WHERE dataset_id = $1 AND kind = 'select' AND status = 'succeeded'`,
    [datasetId],
  );
  return rows[0]?.id === runId;
}
