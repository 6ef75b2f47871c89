// Postgres only: PGlite runs every connection in one session, so claims cannot race there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { claimChunk, settleChunk, type Chunk } from "./chunks";
import { chunkedRunFixture } from "@/lib/testing/job-fixtures";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase("postgres");
}, 120_000);
afterAll(async () => t.drop());

describe("claimChunk under concurrent claimers", () => {
  it("hands every chunk to exactly one of eight workers claiming at once", async () => {
    const { runId } = await chunkedRunFixture(t.db, "claims", 60, 1);
    const claimed = new Map<string, Chunk[]>();
    await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        const mine: Chunk[] = [];
        claimed.set(`w${w}`, mine);
        for (;;) {
          const chunk = await claimChunk(t.db.pool, runId, `w${w}`, 600_000);
          if (!chunk) return;
          mine.push(chunk);
          expect(await settleChunk(t.db.pool, chunk, `w${w}`, 0)).toBe(true);
        }
      }),
    );
    const all = [...claimed.values()]
      .flat()
      .map((c) => c.chunkNo)
      .sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 60 }, (_, i) => i));
    expect([...claimed.values()].filter((c) => c.length > 0).length).toBeGreaterThan(1);
    const { rows } = await t.db.pool.query<{ attempts: number; n: number }>(
      `SELECT attempts, count(*)::int AS n FROM run_chunks WHERE run_id = $1 GROUP BY attempts`,
      [runId],
    );
    expect(rows).toEqual([{ attempts: 1, n: 60 }]);
  }, 60_000);
});
