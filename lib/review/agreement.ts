import { z } from "zod";
import { UNIT_EDGES } from "@/lib/dashboards/charts/buckets";
import { queryRows, type Queryable, sql } from "@/lib/db/sql";
import { alphaFromTotals } from "@/lib/pipeline/agreement";

export type LanguageAgreement = { pairs: number; votes: number; alpha: number | null; methodAgreement: number | null };
export type ReviewerAgreement = {
  userId: number;
  email: string;
  votes: number;
  agreement: number | null;
  medianSeconds: number | null;
  fastVotes: number;
};
export type CalibrationBucket = {
  lang: string;
  marginFrom: number | null;
  marginTo: number | null;
  votes: number;
  methodAgreement: number;
};
export type Agreement = {
  byLanguage: Record<string, LanguageAgreement>;
  reviewers: ReviewerAgreement[];
  calibration: CalibrationBucket[];
  positionBias: { votes: number; firstShownPreferred: number };
};

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** The margin range of a `stats_unit_bucket` id: 0 is below 0, k covers [EDGES[k−1], EDGES[k]), null = no margin. */
export function bucketRange(bucket: number | null): { marginFrom: number | null; marginTo: number | null } {
  if (bucket === null) return { marginFrom: null, marginTo: null };
  if (bucket === 0) return { marginFrom: null, marginTo: UNIT_EDGES[0]! };
  return { marginFrom: UNIT_EDGES[bucket - 1]!, marginTo: UNIT_EDGES[bucket] ?? null };
}

const ZLanguageRow = z.object({
  language: z.string(),
  marginBucket: z.number().nullable(),
  units: z.number(),
  disagreeing: z.number(),
  nAgree: z.number(),
  nDisagree: z.number(),
  nTie: z.number(),
  nBothBad: z.number(),
  votes: z.number(),
  methodAgree: z.number(),
  blindVotes: z.number(),
  firstShownPreferred: z.number(),
});

async function languageFigures(db: Queryable, datasetId: number) {
  return queryRows(
    db,
    sql`SELECT language, margin_bucket AS "marginBucket", sum(units)::int AS units, sum(disagreeing)::float8 AS disagreeing,
               sum(n_agree)::int AS "nAgree", sum(n_disagree)::int AS "nDisagree", sum(n_tie)::int AS "nTie", sum(n_both_bad)::int AS "nBothBad",
               sum(votes)::int AS votes, sum(method_agree)::int AS "methodAgree", sum(blind_votes)::int AS "blindVotes",
               sum(first_shown_preferred)::int AS "firstShownPreferred"
        FROM review_language_stats WHERE dataset_id = ${datasetId}
        GROUP BY language, margin_bucket ORDER BY language, margin_bucket NULLS LAST`,
    ZLanguageRow,
  );
}

const ZReviewerRow = z.object({
  userId: z.number(),
  email: z.string(),
  votes: z.number(),
  fastVotes: z.number(),
  comparisons: z.number(),
  agreements: z.number(),
  histogram: z.array(z.tuple([z.number(), z.number()])).nullable(),
});

async function reviewerFigures(db: Queryable, datasetId: number) {
  return queryRows(
    db,
    sql`SELECT s.user_id AS "userId", u.email,
               sum(s.votes) FILTER (WHERE s.seconds_tenths IS NULL)::int AS votes,
               sum(s.fast_votes)::int AS "fastVotes", sum(s.comparisons)::int AS comparisons, sum(s.agreements)::int AS agreements,
               (SELECT json_agg(json_build_array(h.tenths, h.n) ORDER BY h.tenths)
                FROM (SELECT seconds_tenths AS tenths, sum(votes)::int AS n FROM review_reviewer_stats
                      WHERE dataset_id = ${datasetId} AND user_id = s.user_id AND seconds_tenths IS NOT NULL
                      GROUP BY seconds_tenths HAVING sum(votes) <> 0) h) AS histogram
        FROM review_reviewer_stats s JOIN users u ON u.id = s.user_id
        WHERE s.dataset_id = ${datasetId}
        GROUP BY s.user_id, u.email ORDER BY u.email`,
    ZReviewerRow,
  );
}

/** The median of a histogram of (value, count) rows sorted by value: the lower middle value for an even count. */
export function histogramMedian(rows: readonly (readonly [number, number])[]): number | null {
  const total = rows.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const [value, n] of rows) {
    seen += n;
    if (seen * 2 >= total) return value;
  }
  return null;
}

/**
 * Agreement of a dataset's team review, read from the review ledgers (a few rows per language,
 * margin bucket and reviewer): Krippendorff's alpha per language over labels relative to the method's
 * pair, each reviewer's agreement with the others and speed, the method's calibration per margin
 * bucket, and position bias in blind mode.
 */
export async function getAgreement(db: Queryable, datasetId: number): Promise<Agreement> {
  const rows = await languageFigures(db, datasetId);
  const byLanguage: Record<string, LanguageAgreement> = {};
  const calibration: CalibrationBucket[] = [];
  const positionBias = { votes: 0, firstShownPreferred: 0 };
  const totals = new Map<string, { units: number; disagreeing: number; counts: Map<string, number>; votes: number; agree: number }>();
  for (const r of rows) {
    const t = totals.get(r.language) ?? { units: 0, disagreeing: 0, counts: new Map<string, number>(), votes: 0, agree: 0 };
    t.units += r.units;
    t.disagreeing += r.disagreeing;
    for (const [label, n] of [
      ["agree", r.nAgree],
      ["disagree", r.nDisagree],
      ["tie", r.nTie],
      ["both_bad", r.nBothBad],
    ] as const) {
      t.counts.set(label, (t.counts.get(label) ?? 0) + n);
    }
    t.votes += r.votes;
    t.agree += r.methodAgree;
    totals.set(r.language, t);
    if (r.votes > 0)
      calibration.push({ lang: r.language, ...bucketRange(r.marginBucket), votes: r.votes, methodAgreement: r.methodAgree / r.votes });
    positionBias.votes += r.blindVotes;
    positionBias.firstShownPreferred += r.firstShownPreferred;
  }
  for (const [lang, t] of totals) {
    const alpha = alphaFromTotals({ units: t.units, disagreeing: t.disagreeing, counts: t.counts });
    byLanguage[lang] = { pairs: t.units, votes: t.votes, alpha: alpha.alpha, methodAgreement: share(t.agree, t.votes) };
  }
  const reviewers = (await reviewerFigures(db, datasetId)).map(
    (r): ReviewerAgreement => ({
      userId: r.userId,
      email: r.email,
      votes: r.votes,
      agreement: share(r.agreements, r.comparisons),
      medianSeconds: (() => {
        const m = histogramMedian(r.histogram ?? []);
        return m === null ? null : m / 10;
      })(),
      fastVotes: r.fastVotes,
    }),
  );
  return { byLanguage, reviewers, calibration, positionBias };
}
