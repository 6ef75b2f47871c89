import type { Database } from "@/lib/db/client";
import { UNIT_EDGES, type BucketId } from "@/lib/charts/buckets";
import type { BucketRow, PairCountRow, ResponseStatsRow } from "@/lib/charts/overview";

// Every chart of the overview from four aggregate queries; no row of pairs or responses reaches Node.

export type OverviewData = {
  counts: { groups: number; groupsWithGold: number; responses: number; languages: number };
  pairs: PairCountRow[];
  margins: BucketRow[];
  chosenScores: BucketRow[];
  rejectedScores: BucketRow[];
  responses: ResponseStatsRow[];
  /** The latest succeeded select run and its reference Cons histogram. */
  cons: { runId: number | null; rows: { bucket: BucketId; n: number }[] };
};

type PairAggRow = { kind: "status" | "margin" | "chosen" | "rejected"; language: string; status: string | null; origin: string | null; bucket: number | null; n: number };

/**
 * One scan of `pairs` into a fine aggregate (a few hundred rows), then counts by status/origin and
 * the three histograms as grouping sets over it: cheaper than grouping sets over the scan itself.
 */
export async function pairAggregates(db: Database, datasetId: number) {
  const { rows } = await db.pool.query<PairAggRow>(
    `WITH fine AS (
       SELECT language, status, origin, width_bucket(margin, $2::float8[]) AS mb,
              CASE WHEN status <> 'skipped' AND score_chosen IS NOT NULL THEN width_bucket(score_chosen, $2::float8[]) END AS cb,
              CASE WHEN status <> 'skipped' AND score_rejected IS NOT NULL THEN width_bucket(score_rejected, $2::float8[]) END AS rb,
              count(*) AS n
       FROM pairs WHERE dataset_id = $1 GROUP BY 1, 2, 3, 4, 5, 6)
     SELECT CASE WHEN GROUPING(status) = 0 THEN 'status' WHEN GROUPING(mb) = 0 THEN 'margin' WHEN GROUPING(cb) = 0 THEN 'chosen' ELSE 'rejected' END AS kind,
            language, status::text AS status, origin::text AS origin, coalesce(mb, cb, rb) AS bucket, sum(n)::int AS n
     FROM fine GROUP BY GROUPING SETS ((language, status, origin), (language, mb), (language, cb), (language, rb))`,
    [datasetId, UNIT_EDGES],
  );
  const of = (kind: PairAggRow["kind"]) => rows.filter((r) => r.kind === kind);
  return {
    pairs: of("status").map((r) => ({ language: r.language, status: r.status!, origin: r.origin!, n: r.n })),
    margins: of("margin").map((r) => ({ language: r.language, bucket: r.bucket, n: r.n })),
    // A NULL bucket here is the grouping set's "no score" row, which the score charts leave out.
    chosenScores: of("chosen").filter((r) => r.bucket !== null).map((r) => ({ language: r.language, bucket: r.bucket, n: r.n })),
    rejectedScores: of("rejected").filter((r) => r.bucket !== null).map((r) => ({ language: r.language, bucket: r.bucket, n: r.n })),
  };
}

/**
 * Counts, off-target counts and length percentiles per language. The percentiles come from a
 * per-(language, length) histogram with running sums: the same values as percentile_disc, without
 * sorting every response.
 */
export async function responseStats(db: Database, datasetId: number): Promise<ResponseStatsRow[]> {
  const { rows } = await db.pool.query<ResponseStatsRow>(
    `WITH h AS (
       SELECT language, char_length AS len, count(*) AS n,
              count(*) FILTER (WHERE detected_language IS NOT NULL AND detected_language <> split_part(language, '-', 1)) AS off
       FROM responses WHERE dataset_id = $1 GROUP BY 1, 2),
     c AS (SELECT language, len, off, sum(n) OVER (PARTITION BY language ORDER BY len) AS cum, sum(n) OVER (PARTITION BY language) AS total FROM h)
     SELECT language, max(total)::int AS responses, sum(off)::int AS "offTarget",
            min(len) FILTER (WHERE cum >= 0.5 * total) AS "medianChars", min(len) FILTER (WHERE cum >= 0.9 * total) AS "p90Chars"
     FROM c GROUP BY language ORDER BY language`,
    [datasetId],
  );
  return rows;
}

async function groupCounts(db: Database, datasetId: number) {
  const { rows } = await db.pool.query<{ groups: number; groupsWithGold: number }>(
    `SELECT count(*)::int AS groups, count(*) FILTER (WHERE gold IS NOT NULL)::int AS "groupsWithGold" FROM prompt_groups WHERE dataset_id = $1`,
    [datasetId],
  );
  return rows[0] ?? { groups: 0, groupsWithGold: 0 };
}

async function referenceCons(db: Database, datasetId: number): Promise<OverviewData["cons"]> {
  const { rows } = await db.pool.query<{ run_id: number | null; bucket: number | null; n: number | null }>(
    `WITH latest AS (SELECT id FROM pipeline_runs WHERE dataset_id = $1 AND kind = 'select' AND status = 'succeeded' ORDER BY id DESC LIMIT 1)
     SELECT latest.id AS run_id, b.bucket, b.n
     FROM latest LEFT JOIN LATERAL (
       SELECT width_bucket(cons, $2::float8[]) AS bucket, count(*)::int AS n FROM run_references WHERE run_id = latest.id GROUP BY 1
     ) b ON true`,
    [datasetId, UNIT_EDGES],
  );
  return { runId: rows[0]?.run_id ?? null, rows: rows.flatMap((r) => (r.n === null ? [] : [{ bucket: r.bucket, n: r.n }])) };
}

/** Everything the overview charts need; the queries run concurrently on the pool. */
export async function loadOverview(db: Database, datasetId: number): Promise<OverviewData> {
  const [agg, responses, groups, cons] = await Promise.all([
    pairAggregates(db, datasetId),
    responseStats(db, datasetId),
    groupCounts(db, datasetId),
    referenceCons(db, datasetId),
  ]);
  return {
    counts: { ...groups, responses: responses.reduce((n, r) => n + r.responses, 0), languages: responses.length },
    ...agg,
    responses,
    cons,
  };
}
