import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockLlm, type MockLlm } from "@/lib/testing/mock-llm/server";
import { saveProviderSettings } from "@/lib/llm/providers/settings";
import { createDataset, type FixtureGroup } from "@/lib/testing/fixtures";
import { killThenResumeRun } from "@/lib/testing/kill-worker";
import { databaseForThisFile } from "@/lib/testing/test-db";
import { createGenerateRun } from "./generate-run";

const GROUPS: FixtureGroup[] = Array.from({ length: 16 }, (_, i) => ({
  id: `r${String(i).padStart(2, "0")}`,
  prompts: {
    en: `Sam has ${i + 2} boxes with ${i + 5} pens each. How many pens?`,
    de: `Sam hat ${i + 2} Kisten mit je ${i + 5} Stiften. Wie viele Stifte?`,
  },
  responses: {},
}));

const t = databaseForThisFile();
let mock: MockLlm;
let datasetId: number;

beforeAll(async () => {
  mock = await startMockLlm({ latencyMs: 150 });
  datasetId = await createDataset(t.db, "resume", GROUPS, ["en", "de"]);
  await saveProviderSettings(t.db, { baseUrl: mock.url, generationModel: "mock-chat" });
});
afterAll(async () => mock.close());

describe("a generate run survives its worker being killed", () => {
  it("a second worker finishes it with no duplicate and nothing missing", async () => {
    const { runId } = await createGenerateRun(t.db, datasetId, { samples: 3, chunkSize: 2, concurrency: 2 });
    const { atKill, afterKill, done } = await killThenResumeRun(t, runId);
    expect(atKill.doneItems).toBeLessThan(16);
    expect(afterKill.status).toBe("running");
    expect({ status: done.status, done: done.doneItems, failed: done.failedItems }).toEqual({ status: "succeeded", done: 16, failed: 0 });

    const { rows } = await t.db.pool.query<{ samples: number[]; distinct_texts: number }>(
      `SELECT array_agg(sample_index ORDER BY sample_index) AS samples, count(DISTINCT content_hash)::int AS distinct_texts
       FROM responses WHERE dataset_id = $1 GROUP BY group_id, language`,
      [datasetId],
    );
    expect(rows).toHaveLength(32);
    expect(rows.every((r) => r.samples.join() === "0,1,2" && r.distinct_texts === 3)).toBe(true);
    // One request per item with `n`, plus at most the two that were in flight when the first worker died.
    expect(mock.counts.chat).toBeGreaterThanOrEqual(32);
    expect(mock.counts.chat).toBeLessThanOrEqual(34);
  }, 240_000);
});
