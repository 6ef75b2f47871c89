import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockLlmDataset, stopMockLlmDataset } from "@/lib/testing/mock-llm/dataset";
import type { MockLlm } from "@/lib/testing/mock-llm/server";
import { detectLanguage } from "@/lib/pipeline";
import type { TestDatabase } from "@/lib/testing/test-db";
import { translateMissingPrompts } from "./translate-prompts";

let t: TestDatabase;
let mock: MockLlm;
let datasetId: number;

beforeAll(async () => {
  ({ t, mock, datasetId } = await startMockLlmDataset(
    {
      slug: "translate",
      groups: [
        {
          id: "t1",
          prompts: { en: "Anna buys 4 apples and 7 pears. How many fruits?", de: "Anna kauft 4 Äpfel und 7 Birnen. Wie viele Früchte?" },
          responses: {},
        },
        { id: "t2", prompts: { en: "What is 12 times 3?" }, responses: {} },
      ],
      languages: ["en", "de", "zh"],
    },
    { generationModel: "mock-chat" },
  ));
});
afterAll(() => stopMockLlmDataset({ t, mock }));

describe("translateMissingPrompts", () => {
  it("creates only the missing prompt texts, marked machine-translated, in the target language", async () => {
    const result = await translateMissingPrompts(t.db, datasetId, { model: "mock-chat", languages: ["de", "zh"] });
    expect({ created: result.created, failures: result.failures }).toEqual({ created: 3, failures: [] });
    const prompts = await t.db.pool.query<{ ext: string; language: string; machine_translated: boolean; text: string }>(
      `SELECT g.external_id AS ext, p.language, p.machine_translated, p.text FROM prompt_texts p JOIN prompt_groups g ON g.id = p.group_id
       WHERE p.dataset_id = $1 ORDER BY g.external_id, p.language`,
      [datasetId],
    );
    expect(prompts.rows.map((p) => `${p.ext} ${p.language}`)).toEqual(["t1 de", "t1 en", "t1 zh", "t2 de", "t2 en", "t2 zh"]);
    expect(prompts.rows.filter((p) => p.machine_translated).map((p) => `${p.ext} ${p.language}`)).toEqual(["t1 zh", "t2 de", "t2 zh"]);
    const zh = prompts.rows.find((p) => p.ext === "t1" && p.language === "zh")!;
    expect(zh.text).toContain("4, 7");
    expect(detectLanguage(zh.text)).toBe("zh");
    expect(mock.counts.chat).toBe(3);
    expect((await translateMissingPrompts(t.db, datasetId, { model: "mock-chat", languages: ["de", "zh"] })).created).toBe(0);
    expect(mock.counts.chat).toBe(3);
  });
});
