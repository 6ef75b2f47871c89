import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "@/lib/db/sql";
import { seedPairsFixture } from "@/lib/testing/pairs-fixture";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { setReviewPlan } from "./review-plan";
import { claimNextForUser, heartbeatOrExpired, voteOrExpired } from "./vote-queue";

let t: TestDatabase;
let datasetId: number;
let rita: number;
let omar: number;

beforeAll(async () => {
  t = await createTestDatabase();
  ({ datasetId } = await seedPairsFixture(t.db, "vote-queue", 4));
  await setReviewPlan(t.db, datasetId, { votesPerPair: 2, order: "least-reviewed", blind: true, leaseMinutes: 10 }, null);
  rita = (await t.db.prisma.user.create({ data: { email: "rita@x.test", name: "Rita", reviewLanguages: ["de"] } })).id;
  omar = (await t.db.prisma.user.create({ data: { email: "omar@x.test", name: "Omar" } })).id;
});
afterAll(() => t.drop());

describe("the browser's vote queue", () => {
  it("claims only in the reviewer's languages and refuses a language that is not theirs", async () => {
    const first = (await claimNextForUser(t.db, datasetId, rita, null))!;
    expect(first.pair.lang).toBe("de");
    expect(first.method).toBeNull();
    for (const side of [first.pair.a, first.pair.b]) {
      const stored = await t.db.pool.query(sql`SELECT text, detected_language FROM responses WHERE id = ${side.responseId}`);
      expect(side).toEqual({ responseId: side.responseId, text: stored.rows[0].text, detectedLanguage: stored.rows[0].detected_language });
    }
    expect(first.lease.expiresInMs).toBeGreaterThan(9 * 60_000);
    expect(first.lease.expiresInMs).toBeLessThanOrEqual(10 * 60_000);
    await expect(claimNextForUser(t.db, datasetId, rita, "ar")).rejects.toThrow("lang: you review de, not ar");
    expect((await claimNextForUser(t.db, datasetId, omar, "ar"))?.pair.lang).toBe("ar");
  });

  it("passes over skipped pairs, and says nothing is left once every pair was skipped", async () => {
    const seen: number[] = [];
    for (;;) {
      const next = await claimNextForUser(t.db, datasetId, rita, "de", seen);
      if (next === null) break;
      expect(seen).not.toContain(next.pair.id);
      seen.push(next.pair.id);
    }
    expect(seen).toHaveLength(4);
    expect(await claimNextForUser(t.db, datasetId, rita, "de", seen.slice(1))).toMatchObject({ pair: { id: seen[0] } });
  });

  it("turns an expired lease into a message for the page, for a vote and for a heartbeat alike", async () => {
    const held = (await claimNextForUser(t.db, datasetId, rita, null))!;
    const beat = await heartbeatOrExpired(t.db, held.lease.id, rita);
    expect(beat).toHaveProperty("expiresInMs");
    await t.db.pool.query(sql`UPDATE review_leases SET expires_at = LOCALTIMESTAMP - interval '1 second' WHERE id = ${held.lease.id}`);
    const expired = { expired: "This lease has expired or is not yours; take the next pair." };
    expect(await heartbeatOrExpired(t.db, held.lease.id, rita)).toEqual(expired);
    expect(await voteOrExpired(t.db, held.pair.id, rita, { leaseId: held.lease.id, preferred: "tie" })).toEqual(expired);
    const again = (await claimNextForUser(t.db, datasetId, rita, null))!;
    expect(await voteOrExpired(t.db, again.pair.id, rita, { leaseId: again.lease.id, preferred: again.pair.b.responseId })).toMatchObject({
      votes: 1,
      consensus: "pending",
    });
  });
});
