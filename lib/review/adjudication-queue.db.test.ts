import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Preference } from "@/lib/pipeline/consensus";
import { seedPairsFixture } from "@/lib/testing/pairs-fixture";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { adjudicatePair } from "./adjudicate";
import { countDisputedPairs, listDisputedPairs } from "./adjudication-queue";
import { castVote } from "./cast-vote";
import { claimNextPair } from "./claim-next-pair";
import { setReviewPlan } from "./review-plan";

// Four reviewers vote on every German pair by a pattern per pair: c = the method's chosen, r = its
// rejected, t = tie, b = both_bad. Four votes are disputed when no preference has more than two.
const PATTERNS = ["ccrr", "crtb", "cccr", "cccc", "crtt", "crtb"] as const;
const REVIEWERS = ["ana", "ben", "cho", "dan"] as const;

let t: TestDatabase;
let datasetId: number;
const userIds: number[] = [];
/** Per pair: its method's pair and the preferences cast, in vote order. */
const cast = new Map<number, { chosenId: number; rejectedId: number; ballots: { reviewer: string; preferred: Preference }[] }>();

function preferenceOf(letter: string, pair: { chosenId: number; rejectedId: number }): Preference {
  if (letter === "c") return pair.chosenId;
  if (letter === "r") return pair.rejectedId;
  return letter === "t" ? "tie" : "both_bad";
}

beforeAll(async () => {
  t = await createTestDatabase();
  ({ datasetId } = await seedPairsFixture(t.db, "adjudication", 6));
  for (const name of REVIEWERS) userIds.push((await t.db.prisma.user.create({ data: { email: `${name}@x.test`, name } })).id);
  await setReviewPlan(t.db, datasetId, { votesPerPair: 4, order: "least-reviewed", blind: false, leaseMinutes: 10 }, null);
  const pairIds = (
    await t.db.prisma.pair.findMany({ where: { datasetId, language: "de" }, select: { id: true }, orderBy: { id: "asc" } })
  ).map((p) => p.id);
  for (const [i, userId] of userIds.entries()) {
    for (;;) {
      const leased = await claimNextPair(t.db, datasetId, { userId, languages: ["de"] });
      if (!leased) break;
      const method = { chosenId: leased.method!.chosenId, rejectedId: leased.method!.rejectedId };
      const pattern = PATTERNS[pairIds.indexOf(leased.pair.id) % PATTERNS.length]!;
      const preferred = preferenceOf(pattern[i]!, method);
      const entry = cast.get(leased.pair.id) ?? { ...method, ballots: [] };
      entry.ballots.push({ reviewer: `${REVIEWERS[i]}@x.test`, preferred });
      cast.set(leased.pair.id, entry);
      await castVote(t.db, leased.pair.id, userId, { leaseId: leased.lease.id, preferred, reason: `${REVIEWERS[i]} on ${leased.pair.id}` });
    }
  }
});
afterAll(() => t.drop());

/** The share of the most common preference among a pair's ballots. */
function topShare(ballots: { preferred: Preference }[]): number {
  const counts = new Map<Preference, number>();
  for (const b of ballots) counts.set(b.preferred, (counts.get(b.preferred) ?? 0) + 1);
  return Math.max(...counts.values()) / ballots.length;
}

describe("the adjudication queue", () => {
  it("lists exactly the disputed pairs, lowest agreement first, then by pair id", async () => {
    expect(cast.size).toBeGreaterThanOrEqual(PATTERNS.length);
    const expected = [...cast.entries()]
      .filter(([, c]) => topShare(c.ballots) <= 0.5)
      .map(([pairId, c]) => ({ pairId, topShare: topShare(c.ballots) }))
      .sort((a, b) => a.topShare - b.topShare || a.pairId - b.pairId);
    expect(expected.map((e) => e.topShare)).toContain(0.25);
    expect(expected.map((e) => e.topShare)).toContain(0.5);
    const queue = await listDisputedPairs(t.db.pool, datasetId);
    expect(queue.map((q) => ({ pairId: q.pairId, topShare: q.topShare }))).toEqual(expected);
    expect(await countDisputedPairs(t.db.pool, datasetId)).toBe(expected.length);
    expect((await listDisputedPairs(t.db.pool, datasetId, 2)).map((q) => q.pairId)).toEqual(expected.slice(0, 2).map((e) => e.pairId));
  });

  it("gives each disputed pair its prompt, both responses and every vote with its reviewer, reason and seconds", async () => {
    const [first] = await listDisputedPairs(t.db.pool, datasetId, 1);
    const c = cast.get(first!.pairId)!;
    expect(first).toMatchObject({ lang: "de", votes: 4, chosen: { responseId: c.chosenId }, rejected: { responseId: c.rejectedId } });
    expect(first!.prompt.length).toBeGreaterThan(0);
    expect(first!.chosen.text.length).toBeGreaterThan(0);
    expect(first!.ballots.map((b) => ({ reviewer: b.reviewer, preferred: b.preferred, reason: b.reason }))).toEqual(
      c.ballots.map((b) => ({ ...b, reason: `${b.reviewer.split("@")[0]} on ${first!.pairId}` })),
    );
    for (const b of first!.ballots) {
      expect(b.seconds).toBeGreaterThanOrEqual(0);
      expect(b.createdAt).toBeInstanceOf(Date);
    }
  });

  it("drops a pair once an adjudicator settles it, and the count follows", async () => {
    const before = await listDisputedPairs(t.db.pool, datasetId);
    const settled = before[0]!;
    await adjudicatePair(t.db, datasetId, settled.pairId, userIds[0]!, { preferred: settled.rejected.responseId, reason: "b answers" });
    const after = await listDisputedPairs(t.db.pool, datasetId);
    expect(after.map((q) => q.pairId)).toEqual(before.slice(1).map((q) => q.pairId));
    expect(await countDisputedPairs(t.db.pool, datasetId)).toBe(before.length - 1);
  });
});
