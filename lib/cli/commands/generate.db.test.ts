import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "@/lib/cli/main";
import { OFFLINE_EMBEDDING_MODEL } from "@/lib/llm/embed/offline-embedder";
import { startMockLlmDataset, stopMockLlmDataset } from "@/lib/testing/mock-llm/dataset";
import type { MockLlm } from "@/lib/testing/mock-llm/server";
import type { TestDatabase } from "@/lib/testing/test-db";

let t: TestDatabase;
let mock: MockLlm;
let datasetId: number;

beforeAll(async () => {
  ({ t, mock, datasetId } = await startMockLlmDataset({
    slug: "cli-gen",
    groups: [{ id: "c1", prompts: { en: "What is 6 plus 5?" }, responses: {} }],
    languages: ["en", "sw"],
  }));
});
afterAll(() => stopMockLlmDataset({ t, mock }));

describe("cli generate / embed", () => {
  it("translates the missing prompt, generates K samples per language, then embeds them", async () => {
    expect(await runCli(["generate", "--dataset", "cli-gen", "--model", "mock-chat", "--samples", "3", "--translate", "--json"])).toBe(0);
    const prompt = await t.db.prisma.promptText.findFirstOrThrow({ where: { datasetId, language: "sw" } });
    expect(prompt.machineTranslated).toBe(true);
    const counts = await t.db.prisma.response.groupBy({
      by: ["language"],
      where: { datasetId },
      _count: true,
      orderBy: { language: "asc" },
    });
    expect(counts.map((c) => [c.language, c._count])).toEqual([
      ["en", 3],
      ["sw", 3],
    ]);
    expect(await runCli(["embed", "--dataset", "cli-gen", "--json"])).toBe(0);
    // no embedding model configured: the offline embedder
    expect(await t.db.prisma.embedding.count({ where: { datasetId, model: OFFLINE_EMBEDDING_MODEL } })).toBe(6);
    expect(await runCli(["embed", "--dataset", "cli-gen", "--model", "mock-embed"])).toBe(0);
    expect(await t.db.prisma.embedding.count({ where: { datasetId, model: "mock-embed" } })).toBe(6);
  });

  it("usage errors exit 2; no model anywhere exits 1", async () => {
    expect(await runCli(["generate", "--dataset", "cli-gen"])).toBe(2);
    expect(await runCli(["generate", "--dataset", "cli-gen", "--samples", "2"])).toBe(1);
  });
});
