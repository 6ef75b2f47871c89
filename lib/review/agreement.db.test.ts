import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "@/lib/db/sql";
import { seedPairsFixture } from "@/lib/testing/pairs-fixture";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { adjudicatePair } from "./adjudicate";
import { listDisputedPairs } from "./adjudication-queue";
import { getAgreement, histogramMedian } from "./agreement";
import { castVote } from "./cast-vote";
import { claimNextPair } from "./claim-next-pair";
import { setReviewPlan } from "./review-plan";

let t: TestDatabase;
let datasetId: number;
let ana: number;
let ben: number;
const oddPairs: number[] = [];
let pairs = 0;

/** Ana always prefers the method's chosen response (shown as a: not blind); Ben agrees on even pair ids and says tie on odd ones. */
beforeAll(async () => {
  t = await createTestDatabase();
  ({ datasetId } = await seedPairsFixture(t.db, "agreement", 8));
  ana = (await t.db.prisma.user.create({ data: { email: "ana@x.test", name: "Ana" } })).id;
  ben = (await t.db.prisma.user.create({ data: { email: "ben@x.test", name: "Ben" } })).id;
  await setReviewPlan(t.db, datasetId, { votesPerPair: 2, order: "least-reviewed", blind: false, leaseMinutes: 10 }, null);
  for (;;) {
    const l = await claimNextPair(t.db, datasetId, { userId: ana, languages: ["hi"] });
    if (!l) break;
    await t.db.pool.query(sql`UPDATE review_leases SET created_at = created_at - interval '5 seconds' WHERE id = ${l.lease.id}`);
    await castVote(t.db, l.pair.id, ana, { leaseId: l.lease.id, preferred: l.pair.a.responseId });
    pairs += 1;
  }
  for (;;) {
    const l = await claimNextPair(t.db, datasetId, { userId: ben, languages: ["hi"] });
    if (!l) break;
    const odd = l.pair.id % 2 === 1;
    if (odd) oddPairs.push(l.pair.id);
    await castVote(t.db, l.pair.id, ben, {
      leaseId: l.lease.id,
      preferred: odd ? "tie" : l.pair.a.responseId,
      reason: odd ? "same answer" : undefined,
    });
  }
});
afterAll(() => t.drop());

describe("agreement from the review ledgers", () => {
  it("gives alpha per language equal to the hand-computed value", async () => {
    expect(pairs).toBeGreaterThan(2);
    expect(oddPairs.length).toBeGreaterThan(0);
    expect(oddPairs.length).toBeLessThan(pairs);
    const o = oddPairs.length;
    const n = 2 * pairs;
    const nAgree = 2 * (pairs - o) + o;
    // Each odd pair is one unit {agree, tie}: 2 ordered disagreeing pairs, weight 1/(2 − 1).
    const alpha = 1 - ((n - 1) * 2 * o) / (n * n - nAgree * nAgree - o * o);
    const a = await getAgreement(t.db.pool, datasetId);
    expect(Object.keys(a.byLanguage)).toEqual(["hi"]);
    expect(a.byLanguage.hi!.pairs).toBe(pairs);
    expect(a.byLanguage.hi!.votes).toBe(n);
    expect(a.byLanguage.hi!.alpha).toBeCloseTo(alpha, 12);
    expect(a.byLanguage.hi!.methodAgreement).toBeCloseTo((2 * pairs - o) / n, 12);
  });

  it("gives each reviewer's agreement with the others, median seconds and fast votes", async () => {
    const a = await getAgreement(t.db.pool, datasetId);
    const [anaRow, benRow] = a.reviewers;
    const agreement = (pairs - oddPairs.length) / pairs;
    expect(anaRow).toMatchObject({ email: "ana@x.test", votes: pairs, fastVotes: 0 });
    expect(anaRow!.agreement).toBeCloseTo(agreement, 12);
    expect(anaRow!.medianSeconds).toBeGreaterThanOrEqual(5);
    expect(anaRow!.medianSeconds).toBeLessThan(6);
    expect(benRow).toMatchObject({ email: "ben@x.test", votes: pairs, fastVotes: pairs });
    expect(benRow!.agreement).toBeCloseTo(agreement, 12);
    expect(a.positionBias).toEqual({ votes: 0, firstShownPreferred: 0 });
    expect(a.calibration.reduce((s, b) => s + b.votes, 0)).toBe(2 * pairs);
  });

  it("takes the median of a histogram as the lower middle value", () => {
    expect(histogramMedian([])).toBeNull();
    expect(
      histogramMedian([
        [10, 1],
        [20, 1],
      ]),
    ).toBe(10);
    expect(
      histogramMedian([
        [10, 1],
        [20, 2],
      ]),
    ).toBe(20);
    expect(
      histogramMedian([
        [5, 3],
        [50, 1],
        [90, 1],
      ]),
    ).toBe(5);
  });
});

describe("adjudication", () => {
  it("lists disputed pairs with their ballots and settles one by the adjudicator's verdict", async () => {
    const disputed = await listDisputedPairs(t.db.pool, datasetId);
    expect(disputed.map((d) => d.pairId).sort((x, y) => x - y)).toEqual([...oddPairs].sort((x, y) => x - y));
    const first = disputed[0]!;
    expect(first.topShare).toBe(0.5);
    expect(first.ballots.map((b) => b.reviewer)).toEqual(["ana@x.test", "ben@x.test"]);
    expect(first.ballots[1]).toMatchObject({ preferred: "tie", reason: "same answer" });
    await expect(adjudicatePair(t.db, datasetId, first.pairId, ana, { preferred: 1, reason: "x" })).rejects.toThrow(/not one of this pair/);
    expect(await adjudicatePair(t.db, datasetId, first.pairId, ana, { preferred: "both_bad", reason: "both miss the unit" })).toMatchObject(
      {
        consensus: "adjudicated",
      },
    );
    expect((await listDisputedPairs(t.db.pool, datasetId)).map((d) => d.pairId)).not.toContain(first.pairId);
    const settled = await t.db.pool.query(
      sql`SELECT p.status::text AS status, p.consensus, d.action::text AS action, d.reason, d.user_id AS "userId"
          FROM pairs p JOIN pair_decisions d ON d.id = p.last_decision_id WHERE p.id = ${first.pairId}`,
    );
    expect(settled.rows).toEqual([
      { status: "rejected", consensus: "adjudicated", action: "reject", reason: "adjudicated: both miss the unit", userId: ana },
    ]);
  });

  it("lets the effective pair follow the consensus: unanimous pairs accepted by a decision, disputed ones left as they were", async () => {
    const rows = await t.db.pool.query(
      sql`SELECT p.id, p.status::text AS status, p.consensus, d.action::text AS action, d.reason, d.user_id AS "userId"
          FROM pairs p LEFT JOIN pair_decisions d ON d.id = p.last_decision_id
          WHERE p.dataset_id = ${datasetId} AND p.language = 'hi' AND p.votes > 0 ORDER BY p.id`,
    );
    const disputed = new Set(oddPairs);
    for (const r of rows.rows as {
      id: number;
      status: string;
      consensus: string;
      action: string | null;
      reason: string | null;
      userId: number | null;
    }[]) {
      if (r.consensus === "adjudicated") continue;
      if (disputed.has(r.id)) expect(r).toMatchObject({ consensus: "disputed", status: "proposed", action: null });
      else
        expect(r).toMatchObject({
          consensus: "unanimous",
          status: "accepted",
          action: "accept",
          reason: "consensus: unanimous of 2 votes",
          userId: null,
        });
    }
  });
});
