import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { estimateTokens } from "@/lib/testing/mock-llm/completions";
import { startMockLlmDataset, stopMockLlmDataset } from "@/lib/testing/mock-llm/dataset";
import { startMockLlm, type MockLlm } from "@/lib/testing/mock-llm/server";
import { createEmbedRun, executeEmbedRun } from "@/lib/llm/embed/embed-run";
import { normalize } from "@/lib/llm/embed/embedder";
import { bytesToFloat32, hashedEmbedding } from "@/lib/pipeline";
import { saveProviderSettings } from "@/lib/llm/providers/settings";
import { createSelectRun } from "@/lib/runs/create-select-run";
import { executeSelectRun } from "@/lib/runs/execute-select-run";
import type { TestDatabase } from "@/lib/testing/test-db";
import { createGenerateRun, executeGenerateRun } from "./generate-run";

const PROMPTS = [
  {
    id: "g1",
    gold: "18",
    prompts: {
      en: "Tom has 3 bags of 6 apples. How many apples does he have?",
      de: "Tom hat 3 Tüten mit je 6 Äpfeln. Wie viele Äpfel hat er?",
      zh: "汤姆有3袋苹果，每袋6个。他一共有多少个苹果？",
    },
    responses: {},
  },
  {
    id: "g2",
    gold: "7",
    prompts: { en: "What is 10 minus 3? Explain briefly.", de: "Was ist 10 minus 3? Erkläre kurz.", zh: "10减3等于多少？请简要说明。" },
    responses: {},
  },
  {
    id: "g3",
    gold: "12",
    prompts: {
      en: "A box holds 4 rows of 3 eggs. How many eggs?",
      de: "Eine Schachtel hat 4 Reihen mit je 3 Eiern. Wie viele Eier?",
      zh: "一个盒子里有4排鸡蛋，每排3个。一共有多少个鸡蛋？",
    },
    responses: {},
  },
];

let t: TestDatabase;
let mock: MockLlm;
let datasetId: number;

beforeAll(async () => {
  ({ t, mock, datasetId } = await startMockLlmDataset(
    { slug: "gen", groups: PROMPTS, languages: ["en", "de", "zh"] },
    { apiKey: "sk-test-e2e-0000", generationModel: "mock-chat", embeddingModel: "mock-embed" },
  ));
});
afterAll(() => stopMockLlmDataset({ t, mock }));

async function responseRows() {
  const { rows } = await t.db.pool.query<{
    ext: string;
    language: string;
    sample_index: number;
    origin: string;
    model: string;
    finish_reason: string;
    params: Record<string, unknown>;
    completion_tokens: number;
  }>(
    `SELECT g.external_id AS ext, r.language, r.sample_index, r.origin, r.model, r.finish_reason, r.params, r.completion_tokens
     FROM responses r JOIN prompt_groups g ON g.id = r.group_id WHERE r.dataset_id = $1 ORDER BY g.external_id, r.language, r.sample_index`,
    [datasetId],
  );
  return rows;
}

describe("generate → embed → select against the mock server", () => {
  it("samples K responses for every group × language with params, finish reason and token usage", async () => {
    const { runId } = await createGenerateRun(t.db, datasetId, { samples: 4, temperature: 0.7, topP: 0.9, maxTokens: 400, seed: 11 });
    expect(await executeGenerateRun(t.db, runId)).toBe("succeeded");
    const rows = await responseRows();
    expect(rows).toHaveLength(3 * 3 * 4);
    expect(rows.map((r) => `${r.ext}/${r.language}/${r.sample_index}`).slice(0, 4)).toEqual(["g1/de/0", "g1/de/1", "g1/de/2", "g1/de/3"]);
    expect(new Set(rows.map((r) => `${r.origin}|${r.model}|${r.finish_reason}`))).toEqual(new Set(["generated|mock-chat|stop"]));
    expect(rows[0]!.params).toEqual({ temperature: 0.7, top_p: 0.9, max_tokens: 400, seed: 11, system_prompt: null });
    expect(rows.every((r) => r.completion_tokens > 0)).toBe(true);
    const run = await t.db.prisma.pipelineRun.findUniqueOrThrow({ where: { id: runId } });
    // `n` works on the mock: one request per (group, language), each prompt counted once.
    expect(mock.counts.chat).toBe(9);
    const promptTokens = PROMPTS.flatMap((p) => Object.values(p.prompts)).reduce((s, p) => s + estimateTokens(p), 0);
    expect({ done: run.doneItems, total: run.totalItems, failed: run.failedItems, prompt: run.promptTokens }).toEqual({
      done: 3,
      total: 3,
      failed: 0,
      prompt: promptTokens,
    });
    expect(run.summary).toEqual({ counters: { items: 9, itemsTopped: 9 }, failures: [] });
  });

  it("a second run requests nothing when every item already has K samples", async () => {
    const before = mock.counts.chat;
    const { runId } = await createGenerateRun(t.db, datasetId, { samples: 4, seed: 11 });
    expect(await executeGenerateRun(t.db, runId)).toBe("succeeded");
    expect(mock.counts.chat).toBe(before);
    expect(await responseRows()).toHaveLength(36);
  });

  it("tops up with one request per sample for a server that ignores `n`", async () => {
    const noN = await startMockLlm({ supportsN: false });
    try {
      await saveProviderSettings(t.db, { baseUrl: noN.url, generationModel: "mock-chat", embeddingModel: "mock-embed" });
      const { runId } = await createGenerateRun(t.db, datasetId, { samples: 6, languages: ["de"], seed: 11 });
      expect(await executeGenerateRun(t.db, runId)).toBe("succeeded");
      // per group: one n=2 request answered with a single choice, then one more single request
      expect(noN.counts.chat).toBe(3 * 2);
      const de = (await responseRows()).filter((r) => r.language === "de");
      expect(de.map((r) => r.sample_index)).toEqual([0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5]);
    } finally {
      await saveProviderSettings(t.db, { baseUrl: mock.url, generationModel: "mock-chat", embeddingModel: "mock-embed" });
      await noN.close();
    }
  });

  it("embeds each distinct text once, normalised, as float32 bytes, and never again", async () => {
    const { runId, config } = await createEmbedRun(t.db, datasetId, { batchSize: 5 });
    expect(config.model).toBe("mock-embed");
    expect(await executeEmbedRun(t.db, runId)).toBe("succeeded");
    const { rows } = await t.db.pool.query<{ n: number }>(
      `SELECT count(DISTINCT content_hash)::int AS n FROM responses WHERE dataset_id = $1`,
      [datasetId],
    );
    const stored = await t.db.prisma.embedding.findMany({ where: { datasetId, model: "mock-embed" } });
    expect(stored).toHaveLength(rows[0]!.n);
    const one = await t.db.prisma.response.findFirstOrThrow({ where: { datasetId, language: "zh" }, orderBy: { id: "asc" } });
    const vec = stored.find((e) => Buffer.from(e.contentHash).equals(Buffer.from(one.contentHash)))!;
    expect(vec.dim).toBe(64);
    expect(Array.from(bytesToFloat32(vec.vector))).toEqual(Array.from(normalize(hashedEmbedding(one.text, 64))));
    const requests = mock.counts.embeddings;
    expect(requests).toBe(Math.ceil(rows[0]!.n / 5));
    const again = await createEmbedRun(t.db, datasetId, {});
    expect(await executeEmbedRun(t.db, again.runId)).toBe("succeeded");
    expect(mock.counts.embeddings).toBe(requests);
  });

  it("select with the embedding scorer uses the stored vectors and proposes a pair per group × language", async () => {
    const { runId } = await createSelectRun(t.db, datasetId, { scorer: "embedding", embeddingModel: "mock-embed" });
    expect(await executeSelectRun(t.db, runId)).toBe("succeeded");
    const pairs = await t.db.prisma.pair.findMany({ where: { datasetId }, orderBy: [{ groupId: "asc" }, { language: "asc" }] });
    expect(pairs.map((p) => p.language)).toEqual(["de", "zh", "de", "zh", "de", "zh"]);
    expect(pairs.every((p) => p.runId === runId && p.status === "proposed" && p.chosenId !== p.rejectedId)).toBe(true);
    const refs = await t.db.prisma.runReference.findMany({ where: { runId } });
    expect(refs.map((r) => r.scorer)).toEqual(["embedding", "embedding", "embedding"]);
  });
});
