import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { queryOne, queryRows, sql } from "@/lib/db/sql";
import { krippendorffAlphaNominal } from "@/lib/pipeline/agreement";
import { seedPairsFixture } from "@/lib/testing/pairs-fixture";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { castVote } from "./cast-vote";
import { claimNextPair } from "./claim-next-pair";
import { heartbeatLease, releaseLease } from "./leases";
import { getReviewPlan, setReviewPlan } from "./review-plan";
import { DEFAULT_PLAN } from "./schemas";

let t: TestDatabase;
let datasetId: number;
const users: number[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  ({ datasetId } = await seedPairsFixture(t.db, "team-review", 6));
  for (const name of ["ana", "ben", "cho"]) users.push((await t.db.prisma.user.create({ data: { email: `${name}@x.test`, name } })).id);
});
afterAll(() => t.drop());

const expireLease = (leaseId: number) =>
  t.db.pool.query(sql`UPDATE review_leases SET expires_at = LOCALTIMESTAMP - interval '1 second' WHERE id = ${leaseId}`);
const pairRow = (pairId: number) =>
  queryOne(t.db.pool, sql`SELECT votes, consensus FROM pairs WHERE id = ${pairId}`, z.object({ votes: z.number(), consensus: z.string() }));

describe("review plan", () => {
  it("defaults to one vote, not blind, and keeps what an admin sets", async () => {
    expect(await getReviewPlan(t.db.pool, datasetId)).toEqual(DEFAULT_PLAN);
    const plan = { votesPerPair: 2, order: "least-reviewed" as const, blind: true, leaseMinutes: 5 };
    await setReviewPlan(t.db, datasetId, plan, users[0]!);
    expect(await getReviewPlan(t.db.pool, datasetId)).toEqual(plan);
    await expect(setReviewPlan(t.db, datasetId, { ...plan, votesPerPair: 6 }, null)).rejects.toThrow();
  });
});

describe("queue and leases", () => {
  it("hands out pairs only in the reviewer's languages, never one another reviewer holds", async () => {
    const de = await claimNextPair(t.db, datasetId, { userId: users[0]!, languages: ["de"] });
    expect(de?.pair.lang).toBe("de");
    expect(de?.method).toBeNull(); // blind
    const other = await claimNextPair(t.db, datasetId, { userId: users[1]!, languages: ["de"] });
    expect(other?.pair.lang).toBe("de");
    expect(other?.pair.id).not.toBe(de?.pair.id);
    await releaseLease(t.db.pool, other!.lease.id, users[1]!);
  });

  it("returns an expired lease's pair to the queue, and refuses the former holder's vote", async () => {
    const held = (await claimNextPair(t.db, datasetId, { userId: users[0]!, languages: ["zh"] }))!;
    await expireLease(held.lease.id);
    const takeover = (await claimNextPair(t.db, datasetId, { userId: users[1]!, languages: ["zh"] }))!;
    expect(takeover.pair.id).toBe(held.pair.id);
    expect(takeover.lease.id).not.toBe(held.lease.id);
    await expect(castVote(t.db, held.pair.id, users[0]!, { leaseId: held.lease.id, preferred: "tie" })).rejects.toThrow(
      /expired or is not yours/,
    );
    await expect(heartbeatLease(t.db.pool, held.lease.id, users[0]!)).rejects.toThrow(/expired or is not yours/);
    const beat = await heartbeatLease(t.db.pool, takeover.lease.id, users[1]!);
    expect(beat.expiresAt.getTime()).toBeGreaterThanOrEqual(takeover.lease.expiresAt.getTime() - 1000);
    await releaseLease(t.db.pool, takeover.lease.id, users[1]!);
  });

  it("counts votes into a consensus, takes a pair with enough votes out of the queue and never hands a voter the same pair", async () => {
    const a = (await claimNextPair(t.db, datasetId, { userId: users[0]!, languages: ["ar"] }))!;
    await expect(castVote(t.db, a.pair.id, users[0]!, { leaseId: a.lease.id, preferred: 1 })).rejects.toThrow(/not one of this pair/);
    const first = await castVote(t.db, a.pair.id, users[0]!, { leaseId: a.lease.id, preferred: a.pair.a.responseId, reason: "clearer" });
    expect(first).toMatchObject({ votes: 1, consensus: "pending" });
    const again = await claimNextPair(t.db, datasetId, { userId: users[0]!, languages: ["ar"] });
    expect(again?.pair.id).not.toBe(a.pair.id);
    if (again) await releaseLease(t.db.pool, again.lease.id, users[0]!);
    // Least-reviewed first: the pair with one vote comes back once every other pair has one.
    const seen = new Set<number>();
    let b = (await claimNextPair(t.db, datasetId, { userId: users[1]!, languages: ["ar"] }))!;
    while (b.pair.id !== a.pair.id) {
      expect(seen.has(b.pair.id)).toBe(false);
      seen.add(b.pair.id);
      await castVote(t.db, b.pair.id, users[1]!, { leaseId: b.lease.id, preferred: "tie" });
      b = (await claimNextPair(t.db, datasetId, { userId: users[1]!, languages: ["ar"] }))!;
    }
    expect(seen.size).toBeGreaterThan(0);
    const second = await castVote(t.db, b.pair.id, users[1]!, { leaseId: b.lease.id, preferred: a.pair.b.responseId });
    expect(second).toMatchObject({ votes: 2, consensus: "disputed" });
    expect(await pairRow(a.pair.id)).toEqual({ votes: 2, consensus: "disputed" });
    for (let i = 0; i < 20; i++) {
      const next = await claimNextPair(t.db, datasetId, { userId: users[2]!, languages: ["ar"] });
      if (!next) break;
      expect(next.pair.id).not.toBe(a.pair.id);
      await castVote(t.db, next.pair.id, users[2]!, { leaseId: next.lease.id, preferred: "both_bad" });
    }
    expect(await claimNextPair(t.db, datasetId, { userId: users[2]!, languages: ["ar"] })).toBeNull();
  });

  it("keeps ledger sums equal to alpha over the votes themselves", async () => {
    const votes = await queryRows(
      t.db.pool,
      sql`SELECT pair_id AS "pairId", method_label AS label FROM review_votes WHERE dataset_id = ${datasetId} AND language = 'ar'`,
      z.object({ pairId: z.number(), label: z.string() }),
    );
    const units = new Map<number, string[]>();
    for (const v of votes) units.set(v.pairId, [...(units.get(v.pairId) ?? []), v.label]);
    const direct = krippendorffAlphaNominal([...units.values()]);
    const ledger = await queryOne(
      t.db.pool,
      sql`SELECT sum(units)::int AS units, sum(n_agree + n_disagree + n_tie + n_both_bad)::int AS "values", sum(votes)::int AS votes
          FROM review_language_stats WHERE dataset_id = ${datasetId} AND language = 'ar'`,
      z.object({ units: z.number(), values: z.number(), votes: z.number() }),
    );
    expect(ledger).toEqual({ units: direct.units, values: direct.values, votes: votes.length });
  });
});
