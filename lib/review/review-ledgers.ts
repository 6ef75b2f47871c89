import { addTotals, unitTotals } from "@/lib/pipeline/agreement";
import type { MethodLabel } from "@/lib/pipeline/consensus";
import { type Queryable, sql } from "@/lib/db/sql";

export type CastVote = {
  datasetId: number;
  language: string;
  userId: number;
  label: MethodLabel;
  /** The same preference as another vote: verdict and preferred response. */
  preference: string;
  methodMargin: number | null;
  seconds: number;
  blind: boolean;
  preferredFirstShown: boolean;
};

export type EarlierVote = { userId: number | null; label: MethodLabel; preference: string };

/** Votes faster than this are counted as `fastVotes` (too quick to have read both answers). */
export const FAST_VOTE_SECONDS = 2;
/** Seconds-per-vote histogram resolution: tenths, up to an hour. */
const MAX_TENTHS = 36_000;

/**
 * Appends what one new vote changes in the review ledgers: alpha's sums for its pair (the pair's
 * totals with the vote minus without it), the margin bucket's counts, and the reviewers' figures.
 */
export async function recordVoteInLedgers(tx: Queryable, vote: CastVote, earlier: readonly EarlierVote[]): Promise<void> {
  const before = unitTotals(earlier.map((v) => v.label));
  const after = unitTotals([...earlier.map((v) => v.label), vote.label]);
  const delta = addTotals(after, {
    units: -before.units,
    disagreeing: -before.disagreeing,
    counts: new Map([...before.counts].map(([k, n]) => [k, -n])),
  });
  const n = (label: MethodLabel) => delta.counts.get(label) ?? 0;
  const first = vote.blind && vote.preferredFirstShown ? 1 : 0;
  await tx.query(
    sql`INSERT INTO review_language_stats (dataset_id, language, margin_bucket, units, disagreeing, n_agree, n_disagree, n_tie, n_both_bad,
                                           votes, method_agree, blind_votes, first_shown_preferred)
        VALUES (${vote.datasetId}, ${vote.language}, NULL, ${delta.units}, ${delta.disagreeing}, ${n("agree")}, ${n("disagree")}, ${n("tie")}, ${n("both_bad")},
                0, 0, 0, 0),
               (${vote.datasetId}, ${vote.language}, stats_unit_bucket(${vote.methodMargin}::double precision), 0, 0, 0, 0, 0, 0,
                1, ${vote.label === "agree" ? 1 : 0}, ${vote.blind ? 1 : 0}, ${first})`,
  );
  const agreements = earlier.filter((v) => v.preference === vote.preference).length;
  const tenths = Math.min(MAX_TENTHS, Math.max(0, Math.round(vote.seconds * 10)));
  const others = earlier.filter((v): v is EarlierVote & { userId: number } => v.userId !== null);
  await tx.query(
    sql`INSERT INTO review_reviewer_stats (dataset_id, user_id, seconds_tenths, votes, fast_votes, comparisons, agreements)
        SELECT ${vote.datasetId}, u.user_id, u.tenths, u.votes, u.fast, u.comparisons, u.agreements
        FROM unnest(${[vote.userId, vote.userId, ...others.map((o) => o.userId)]}::int[],
                    ${[null, tenths, ...others.map(() => null)]}::int[],
                    ${[1, 1, ...others.map(() => 0)]}::int[],
                    ${[vote.seconds < FAST_VOTE_SECONDS ? 1 : 0, 0, ...others.map(() => 0)]}::int[],
                    ${[earlier.length, 0, ...others.map(() => 1)]}::int[],
                    ${[agreements, 0, ...others.map((o) => (o.preference === vote.preference ? 1 : 0))]}::int[])
             AS u(user_id, tenths, votes, fast, comparisons, agreements)`,
  );
}
