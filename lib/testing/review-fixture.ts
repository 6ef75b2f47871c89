import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { queryOne, sql } from "@/lib/db/sql";
import type { Consensus } from "@/lib/pipeline/consensus";
import { adjudicatePair } from "@/lib/review/adjudicate";
import { castVote } from "@/lib/review/cast-vote";
import { claimNextPair, type LeasedPair } from "@/lib/review/claim-next-pair";
import { setReviewPlan } from "@/lib/review/review-plan";
import type { TVote } from "@/lib/review/schemas";
import { seedPairsFixture } from "./pairs-fixture";

/** A test's vote relative to the method's pair as the queue showed it (not blind), or tie / both_bad. */
export type Side = "chosen" | "rejected" | "tie" | "both_bad";

export type Ballot = { side: Side; reason?: string };

/** The method's chosen or rejected response id of a leased pair (the queue shows them outside blind mode). */
export function preferredOf(leased: LeasedPair, side: Side): TVote["preferred"] {
  if (side === "tie" || side === "both_bad") return side;
  if (!leased.method) throw new Error("preferredOf needs a review plan that is not blind");
  return side === "chosen" ? leased.method.chosenId : leased.method.rejectedId;
}

/**
 * Test support: `userId` works through the queue in `lang` as a reviewer would (claimNextPair, then
 * castVote on the leased pair) until it hands them nothing more; `ballot` says how they vote on the
 * n-th pair they get (null: stop there, releasing nothing: the lease simply stays theirs). Returns the
 * pair ids in the order voted.
 */
export async function voteThroughQueue(
  db: Database,
  datasetId: number,
  userId: number,
  lang: string,
  ballot: (pairId: number, n: number) => Ballot | null,
): Promise<number[]> {
  const voted: number[] = [];
  for (;;) {
    const leased = await claimNextPair(db, datasetId, { userId, languages: [lang] });
    if (!leased) return voted;
    const b = ballot(leased.pair.id, voted.length);
    if (!b) return voted;
    await castVote(db, leased.pair.id, userId, { leaseId: leased.lease.id, preferred: preferredOf(leased, b.side), reason: b.reason });
    voted.push(leased.pair.id);
  }
}

/** How three reviewers vote on the n-th German pair the queue hands them (plan: 3 votes per pair). */
const PATTERN: { votes: [Side, Side, Side]; consensus: Consensus }[] = [
  { votes: ["chosen", "chosen", "chosen"], consensus: "unanimous" },
  { votes: ["chosen", "rejected", "rejected"], consensus: "majority" },
  { votes: ["chosen", "rejected", "tie"], consensus: "disputed" },
  { votes: ["both_bad", "tie", "chosen"], consensus: "adjudicated" },
];

export type ConsensusFixture = {
  datasetId: number;
  reviewers: number[];
  adjudicator: number;
  /** The pair ids the fixture gave each consensus; every other pair of the dataset is pending. */
  pairs: Record<Exclude<Consensus, "pending">, number[]>;
  /** Pending pairs with one vote (the first two Swahili pairs). */
  pendingVoted: number[];
};

/**
 * Test support: a seeded dataset (seedPairsFixture) reviewed by a team, all through lib/review: with 3
 * votes per pair, ana, ben and cho vote on every German pair in queue order following PATTERN (the
 * fourth kind is disputed, then settled by an admin's adjudication for the rejected response, which
 * swaps the pair); ana alone votes on two Swahili
 * pairs, which stay pending.
 */
export async function seedConsensusFixture(db: Database, slug: string, groups = 12): Promise<ConsensusFixture> {
  const { datasetId } = await seedPairsFixture(db, slug, groups);
  await setReviewPlan(db, datasetId, { votesPerPair: 3, order: "least-reviewed", blind: false, leaseMinutes: 10 }, null);
  const reviewers: number[] = [];
  for (const name of ["ana", "ben", "cho"])
    reviewers.push((await db.prisma.user.create({ data: { email: `${name}@${slug}.test`, name } })).id);
  const adjudicator = (await db.prisma.user.create({ data: { email: `admin@${slug}.test`, name: "admin", role: "admin" } })).id;
  let order: number[] = [];
  for (const [r, userId] of reviewers.entries()) {
    const voted = await voteThroughQueue(db, datasetId, userId, "de", (_, n) => ({ side: PATTERN[n % PATTERN.length]!.votes[r]! }));
    if (r === 0) order = voted;
    else if (voted.join() !== order.join()) throw new Error(`the queue handed reviewer ${r} the German pairs in another order`);
  }
  const pairs: ConsensusFixture["pairs"] = { unanimous: [], majority: [], disputed: [], adjudicated: [] };
  for (const [n, pairId] of order.entries()) {
    const kind = PATTERN[n % PATTERN.length]!.consensus;
    if (kind === "adjudicated") {
      const { rejectedId } = await queryOne(
        db.pool,
        sql`SELECT rejected_id AS "rejectedId" FROM pairs WHERE id = ${pairId}`,
        z.object({ rejectedId: z.number() }),
      );
      await adjudicatePair(db, datasetId, pairId, adjudicator, { preferred: rejectedId, reason: "the rejected answer is right" });
    }
    pairs[kind as keyof typeof pairs].push(pairId);
  }
  const pendingVoted = await voteThroughQueue(db, datasetId, reviewers[0]!, "sw", (_, n) => (n < 2 ? { side: "chosen" } : null));
  return { datasetId, reviewers, adjudicator, pairs, pendingVoted };
}
