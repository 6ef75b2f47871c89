import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockLlmDataset, stopMockLlmDataset } from "@/lib/testing/mock-llm/dataset";
import type { MockLlm } from "@/lib/testing/mock-llm/server";
import { saveProviderSettings } from "@/lib/llm/providers/settings";
import type { TestDatabase } from "@/lib/testing/test-db";
import { createGenerateRun, executeGenerateRun } from "./generate-run";

const GROUPS = [
  { id: "f1", prompts: { en: "How many legs do 3 cats have?", de: "Wie viele Beine haben 3 Katzen?" }, responses: {} },
  { id: "f2", prompts: { en: "What is 9 plus 4?", de: "Was ist 9 plus 4?" }, responses: {} },
  {
    id: "f3",
    prompts: { en: "A box holds 4 rows of 3 eggs. How many eggs?", de: "Eine Schachtel hat 4 Reihen mit je 3 Eiern. Wie viele Eier?" },
    responses: {},
  },
];
const FAST = { retries: 3, retryBaseDelayMs: 1, timeoutMs: 1_000, samples: 4 };

let t: TestDatabase;
let mock: MockLlm;
let datasetId: number;

beforeAll(async () => {
  ({ t, mock, datasetId } = await startMockLlmDataset(
    { slug: "faults", groups: GROUPS, languages: ["en", "de"] },
    { generationModel: "mock-chat" },
  ));
});
afterAll(() => stopMockLlmDataset({ t, mock }));

const responses = () => t.db.prisma.response.count({ where: { datasetId } });

describe("generate runs under injected faults", () => {
  it("retries transient faults to success and records an item that stays broken as failed", async () => {
    mock.faults.set([
      { kind: "500", times: -1, endpoint: "chat", contains: "Wie viele Eier" },
      { kind: "429", times: 2, endpoint: "chat" },
      { kind: "reset", times: 1, endpoint: "chat" },
      { kind: "truncate", times: 1, endpoint: "chat" },
      { kind: "slow", times: 1, endpoint: "chat", delayMs: 1_500 },
      { kind: "500", times: 1, endpoint: "chat" },
    ]);
    const { runId } = await createGenerateRun(t.db, datasetId, FAST);
    expect(await executeGenerateRun(t.db, runId)).toBe("succeeded");
    const f3 = await t.db.prisma.promptGroup.findFirstOrThrow({ where: { datasetId, externalId: "f3" } });
    const run = await t.db.prisma.pipelineRun.findUniqueOrThrow({ where: { id: runId } });
    expect({ status: run.status, done: run.doneItems, failed: run.failedItems }).toEqual({ status: "succeeded", done: 3, failed: 1 });
    expect(run.summary).toEqual({
      counters: { items: 6, itemsTopped: 6 },
      failures: [{ groupId: f3.id, language: "de", error: "4 of 4 samples missing: HTTP 500: 500 Internal error (mock)" }],
    });
    expect(await responses()).toBe(5 * 4);
    expect(mock.faults.list().filter((f) => f.times > 0)).toEqual([]);
  });

  it("the next run requests only the failed item", async () => {
    mock.faults.set([]);
    const before = mock.counts.chat;
    const { runId } = await createGenerateRun(t.db, datasetId, FAST);
    expect(await executeGenerateRun(t.db, runId)).toBe("succeeded");
    expect(mock.counts.chat - before).toBe(1);
    expect(await responses()).toBe(6 * 4);
    expect((await t.db.prisma.pipelineRun.findUniqueOrThrow({ where: { id: runId } })).failedItems).toBe(0);
  });

  it("a run without a reachable endpoint fails with the reason, not silently", async () => {
    await saveProviderSettings(t.db, { baseUrl: "http://127.0.0.1:9/v1", generationModel: "mock-chat" });
    const { runId } = await createGenerateRun(t.db, datasetId, { ...FAST, samples: 5, retries: 1 });
    expect(await executeGenerateRun(t.db, runId)).toBe("succeeded");
    const run = await t.db.prisma.pipelineRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.failedItems).toBe(6);
    expect((run.summary as { failures: Array<{ error: string }> }).failures[0]!.error).toBe(
      "1 of 5 samples missing: APIConnectionError: Connection error.",
    );
  });
});
