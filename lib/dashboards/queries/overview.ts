import type { Database } from "@/lib/db/client";
import { queryTrusted, sql } from "@/lib/db/sql";
import type { BucketId } from "@/lib/dashboards/charts/buckets";
import type { RunRef } from "@/lib/dashboards/charts/model";
import { runNumberSql } from "@/lib/jobs/run-number";
import type { BucketRow, PairCountRow, ResponseStatsRow } from "@/lib/dashboards/charts/overview";

// Every chart of the overview from four aggregate queries over the summary ledgers (lib/dashboards/ledgers), which
// the database keeps exact on every write; no row of pairs or responses is read.

export type OverviewData = {
  counts: { groups: number; groupsWithGold: number; responses: number; languages: number };
  pairs: PairCountRow[];
  margins: BucketRow[];
  chosenScores: BucketRow[];
  rejectedScores: BucketRow[];
  responses: ResponseStatsRow[];
  /** The latest succeeded select run and its reference Cons histogram. */
  cons: { run: RunRef | null; rows: { bucket: BucketId; n: number }[] };
};

type PairAggRow = {
  kind: "status" | "margin" | "chosen" | "rejected";
  language: string;
  status: string | null;
  origin: string | null;
  bucket: number | null;
  n: number;
};

/**
 * Counts by status/origin and the three histograms, as grouping sets over the dataset's pair ledger
 * (lib/dashboards/ledgers): a few hundred rows, whatever the number of pairs. Skipped pairs have no CL scores on
 * the charts; a NULL bucket in the score sets is the grouping set's "no score" row, left out.
 */
export async function pairAggregates(db: Database, datasetId: number) {
  const rows = await queryTrusted<PairAggRow>(
    db.pool,
    sql`WITH fine AS (
       SELECT language, status, origin, margin_bucket AS mb,
              CASE WHEN status <> 'skipped' THEN chosen_bucket END AS cb,
              CASE WHEN status <> 'skipped' THEN rejected_bucket END AS rb,
              sum(n) AS n
       FROM pair_stats WHERE dataset_id = ${datasetId} GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0)
     SELECT CASE WHEN GROUPING(status) = 0 THEN 'status' WHEN GROUPING(mb) = 0 THEN 'margin' WHEN GROUPING(cb) = 0 THEN 'chosen' ELSE 'rejected' END AS kind,
            language, status::text AS status, origin::text AS origin, coalesce(mb, cb, rb) AS bucket, sum(n)::int AS n
     FROM fine GROUP BY GROUPING SETS ((language, status, origin), (language, mb), (language, cb), (language, rb))`,
  );
  const of = (kind: PairAggRow["kind"]) => rows.filter((r) => r.kind === kind);
  return {
    pairs: of("status").map((r) => ({ language: r.language, status: r.status!, origin: r.origin!, n: r.n })),
    margins: of("margin").map((r) => ({ language: r.language, bucket: r.bucket, n: r.n })),
    chosenScores: of("chosen")
      .filter((r) => r.bucket !== null)
      .map((r) => ({ language: r.language, bucket: r.bucket, n: r.n })),
    rejectedScores: of("rejected")
      .filter((r) => r.bucket !== null)
      .map((r) => ({ language: r.language, bucket: r.bucket, n: r.n })),
  };
}

/** Width of the coarse length buckets that locate each percentile before the exact lengths are read. */
const LENGTH_STRIDE = 64;

/**
 * Counts, off-target counts and length percentiles per language from the response ledger's exact
 * length histogram, equal to percentile_disc over the responses. Two passes instead of sorting every
 * length: coarse buckets of LENGTH_STRIDE characters with running sums find the bucket holding each
 * percentile, then running sums over the exact lengths of just those buckets give the value.
 */
export async function responseStats(db: Database, datasetId: number): Promise<ResponseStatsRow[]> {
  const rows = await queryTrusted<ResponseStatsRow>(
    db.pool,
    sql`WITH base AS (SELECT language, char_length AS len, n, off_target FROM response_stats WHERE dataset_id = ${datasetId}),
     coarse AS (SELECT language, len / ${LENGTH_STRIDE} AS b, sum(n) AS n, sum(off_target) AS off FROM base GROUP BY 1, 2),
     cc AS (SELECT language, b, n, off, sum(n) OVER (PARTITION BY language ORDER BY b) AS cum, sum(n) OVER (PARTITION BY language) AS total FROM coarse),
     t AS (SELECT language, max(total) AS total, sum(off) AS off,
                  min(b) FILTER (WHERE cum >= 0.5 * total) AS b50, min(cum - n) FILTER (WHERE cum >= 0.5 * total) AS below50,
                  min(b) FILTER (WHERE cum >= 0.9 * total) AS b90, min(cum - n) FILTER (WHERE cum >= 0.9 * total) AS below90
           FROM cc GROUP BY 1 HAVING max(total) <> 0),
     fine AS (SELECT x.language, x.len / ${LENGTH_STRIDE} AS b, x.len, sum(x.n) AS n FROM base x JOIN t ON t.language = x.language
              WHERE x.len / ${LENGTH_STRIDE} IN (t.b50, t.b90) GROUP BY 1, 2, 3),
     fc AS (SELECT language, b, len, sum(n) OVER (PARTITION BY language, b ORDER BY len) AS cum FROM fine)
     SELECT t.language, t.total::int AS responses, t.off::int AS "offTarget",
            (SELECT min(len) FROM fc WHERE fc.language = t.language AND fc.b = t.b50 AND t.below50 + fc.cum >= 0.5 * t.total) AS "medianChars",
            (SELECT min(len) FROM fc WHERE fc.language = t.language AND fc.b = t.b90 AND t.below90 + fc.cum >= 0.9 * t.total) AS "p90Chars"
     FROM t ORDER BY t.language`,
  );
  return rows;
}

export async function groupCounts(db: Database, datasetId: number) {
  const rows = await queryTrusted<{ groups: number; groupsWithGold: number }>(
    db.pool,
    sql`SELECT coalesce(sum(groups), 0)::int AS groups, coalesce(sum(with_gold), 0)::int AS "groupsWithGold" FROM group_stats WHERE dataset_id = ${datasetId}`,
  );
  return rows[0] ?? { groups: 0, groupsWithGold: 0 };
}

/** The latest succeeded select run and its reference Cons histogram, from the reference ledger. */
export async function referenceCons(db: Database, datasetId: number): Promise<OverviewData["cons"]> {
  const rows = await queryTrusted<{ run_id: number | null; run_number: number | null; bucket: number | null; n: number | null }>(
    db.pool,
    sql`WITH latest AS (SELECT id, dataset_id FROM pipeline_runs WHERE dataset_id = ${datasetId} AND kind = 'select' AND status = 'succeeded' ORDER BY id DESC LIMIT 1)
     SELECT latest.id AS run_id, ${runNumberSql("latest")} AS run_number, b.bucket, b.n
     FROM latest LEFT JOIN LATERAL (
       SELECT cons_bucket AS bucket, sum(n)::int AS n FROM reference_stats WHERE run_id = latest.id GROUP BY 1 HAVING sum(n) <> 0
     ) b ON true`,
  );
  const latest = rows[0];
  const run = latest?.run_id == null ? null : { id: latest.run_id, number: latest.run_number ?? 0 };
  return { run, rows: rows.flatMap((r) => (r.n === null ? [] : [{ bucket: r.bucket, n: r.n }])) };
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
