import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { z } from "zod";
import { queryRows, sql } from "@/lib/db/sql";
import { seedPairsFixture } from "@/lib/testing/pairs-fixture";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { castVote } from "./cast-vote";
import { claimNextPair, type LeasedPair } from "./claim-next-pair";
import { setReviewPlan } from "./review-plan";

// 50 reviewers claiming at once, each on a connection of its own (Postgres only: PGlite has one session).
const REVIEWERS = 50;

let t: TestDatabase;
let pool: pg.Pool;
let datasetId: number;
const users: number[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  ({ datasetId } = await seedPairsFixture(t.db, "claim-race", 24));
  pool = new pg.Pool({ connectionString: t.url, max: REVIEWERS });
  for (let i = 0; i < REVIEWERS; i++) users.push((await t.db.prisma.user.create({ data: { email: `r${i}@x.test`, name: `r${i}` } })).id);
});
afterAll(async () => {
  await pool.end();
  await t.drop();
});

it("never leases one pair to two reviewers, never a pair twice to one reviewer, and fills every pair exactly", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 3 }),
      fc.constantFrom("least-reviewed" as const, "low-margin" as const, "random" as const),
      fc.integer({ min: 2, max: REVIEWERS }),
      async (votesPerPair, order, reviewers) => {
        await t.db.pool.query(sql`TRUNCATE review_votes, review_leases, review_language_stats, review_reviewer_stats`);
        await t.db.pool.query(sql`UPDATE pairs SET votes = 0, consensus = 'pending' WHERE dataset_id = ${datasetId}`);
        await setReviewPlan(t.db, datasetId, { votesPerPair, order, blind: true, leaseMinutes: 10 }, null);
        const crew = users.slice(0, reviewers);
        for (;;) {
          const leased = await Promise.all(crew.map((userId) => claimNextPair({ pool }, datasetId, { userId, languages: ["de"] })));
          const held = leased.filter((l): l is LeasedPair => l !== null);
          if (held.length === 0) break;
          const pairs = held.map((l) => l.pair.id);
          expect(new Set(pairs).size).toBe(pairs.length);
          await Promise.all(
            leased.map((l, i) =>
              l ? castVote({ pool }, l.pair.id, crew[i]!, { leaseId: l.lease.id, preferred: l.pair.a.responseId }) : null,
            ),
          );
        }
        const filled = await queryRows(
          t.db.pool,
          sql`SELECT p.id, p.votes, (SELECT count(DISTINCT v.user_id)::int FROM review_votes v WHERE v.pair_id = p.id) AS voters
              FROM pairs p WHERE p.dataset_id = ${datasetId} AND p.language = 'de' AND p.chosen_id IS NOT NULL
                AND p.rejected_id IS NOT NULL AND p.status <> 'skipped'`,
          z.object({ id: z.number(), votes: z.number(), voters: z.number() }),
        );
        expect(filled.length).toBeGreaterThan(0);
        const want = Math.min(votesPerPair, reviewers);
        for (const p of filled) expect({ id: p.id, votes: p.votes, voters: p.voters }).toEqual({ id: p.id, votes: want, voters: want });
      },
    ),
    { numRuns: 6 },
  );
});
