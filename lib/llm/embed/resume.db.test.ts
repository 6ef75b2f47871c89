import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { killThenResumeRun } from "@/lib/testing/kill-worker";
import { startMockLlm, type MockLlm } from "@/lib/testing/mock-llm/server";
import { saveProviderSettings } from "@/lib/llm/providers/settings";
import { createDataset, type FixtureGroup } from "@/lib/testing/fixtures";
import { databaseForThisFile } from "@/lib/testing/test-db";
import { createEmbedRun, executeEmbedRun } from "./embed-run";

const GROUPS: FixtureGroup[] = Array.from({ length: 12 }, (_, i) => ({
  id: `e${String(i).padStart(2, "0")}`,
  prompts: { en: `How many legs have ${i + 2} cats?`, de: `Wie viele Beine haben ${i + 2} Katzen?` },
  responses: {
    en: [`${4 * (i + 2)} legs.`, `Each cat has four legs, so ${4 * (i + 2)}.`],
    de: [`${4 * (i + 2)} Beine.`, `Vier je Katze: ${4 * (i + 2)}.`],
  },
}));

const t = databaseForThisFile();
let mock: MockLlm;

beforeAll(async () => {
  mock = await startMockLlm({ latencyMs: 150 });
  await saveProviderSettings(t.db, { baseUrl: mock.url, embeddingModel: "mock-embed" });
});
afterAll(async () => mock.close());

async function vectorsOf(datasetId: number): Promise<string[]> {
  const { rows } = await t.db.pool.query<{ v: string }>(
    `SELECT content_hash || ':' || encode(vector, 'hex') AS v FROM embeddings WHERE dataset_id = $1 AND model = 'mock-embed' ORDER BY content_hash`,
    [datasetId],
  );
  return rows.map((r) => r.v);
}

describe("an embed run whose worker is killed (kill -9)", () => {
  it("is resumed by another worker and stores exactly what an uninterrupted run stores", async () => {
    const datasetId = await createDataset(t.db, "embed-killed", GROUPS, ["en", "de"]);
    const { runId } = await createEmbedRun(t.db, datasetId, { chunkSize: 1, batchSize: 1, concurrency: 1 });
    const { atKill, afterKill, done } = await killThenResumeRun(t, runId);
    expect(atKill.doneItems).toBeLessThan(12);
    expect(afterKill.status).toBe("running");
    expect({ status: done.status, done: done.doneItems, failed: done.failedItems }).toEqual({ status: "succeeded", done: 12, failed: 0 });

    const control = await createDataset(t.db, "embed-whole", GROUPS, ["en", "de"]);
    const whole = await createEmbedRun(t.db, control, { chunkSize: 1 });
    expect(await executeEmbedRun(t.db, whole.runId)).toBe("succeeded");
    const resumed = await vectorsOf(datasetId);
    expect(resumed).toHaveLength(48);
    expect(resumed).toEqual(await vectorsOf(control));
  }, 240_000);
});
