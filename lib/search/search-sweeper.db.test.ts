import { afterAll, beforeAll, expect, it } from "vitest";
import { startWorker } from "@/lib/worker/start-worker";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { pendingSearchCount } from "./index-pending";
import { searchFixture } from "@/lib/testing/search-fixture";

let t: TestDatabase;
let stop: (() => Promise<void>) | null = null;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await stop?.();
  await t.drop();
});

const { datasetWithResponses } = searchFixture(() => t.db);

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function copied(datasetId: number): Promise<number> {
  return (await t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM response_search_texts WHERE dataset_id = $1`, [datasetId]))
    .rows[0]!.n;
}

it("the worker drains what is pending when it starts, then whatever is inserted later", async () => {
  const before = await datasetWithResponses("before-worker", 30);
  const log: string[] = [];
  stop = await startWorker(t.db, (m) => log.push(m));
  await until(async () => (await pendingSearchCount(t.db, before)) === 0, "the start-up drain");
  expect(await copied(before)).toBe(30);

  const later = await datasetWithResponses("later", 20);
  await until(async () => (await pendingSearchCount(t.db, later)) === 0, "the sweep");
  expect(await copied(later)).toBe(20);
  // The sweep logs after its last batch commits, so the line may come just after the count reached 0.
  await until(async () => log.some((m) => m.includes("search index: 20 responses")), "the sweep's log line");
  await stop();
  stop = null;
}, 120_000);
