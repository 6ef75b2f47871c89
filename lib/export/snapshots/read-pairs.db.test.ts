import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExportPair } from "@/lib/export/formats";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { resolveExportConfig, type ExportRequest } from "./config";
import { buildExportFixture, FIXTURE_TEXT, type ExportFixture } from "@/lib/testing/export-fixture";
import { previewExportPairs, streamExportPairs } from "./read-pairs";
import { withReadSnapshot } from "./read-snapshot";

let t: TestDatabase;
let f: ExportFixture;
let runIds: { run1: string; run2: string };

beforeAll(async () => {
  t = await createTestDatabase();
  f = await buildExportFixture(t.db);
  const { rows } = await t.db.pool.query<{ id: number }>(`SELECT id FROM pipeline_runs ORDER BY id`);
  runIds = { run1: String(rows[0]!.id), run2: String(rows[1]!.id) };
});
afterAll(async () => t.drop());

type G = keyof typeof FIXTURE_TEXT;

function pair(
  g: G,
  lang: string,
  status: string,
  origin: "auto" | "human",
  margin: number,
  extra: { ref?: number; run?: "run2"; scorer?: string } = {},
): ExportPair {
  const text = FIXTURE_TEXT[g] as { prompts: Record<string, string>; responses: Record<string, readonly string[]> };
  return {
    id: String(f.pairId(g, lang)),
    promptId: g,
    groupKey: String(f.groupId[g]),
    lang,
    prompt: text.prompts[lang]!,
    chosen: text.responses[lang]![0]!,
    rejected: text.responses[lang]![1]!,
    enReference: text.responses.en![extra.ref ?? 0]!,
    scoreChosen: margin + 0.1,
    scoreRejected: 0.1,
    margin,
    origin,
    status,
    runId: extra.run === "run2" ? runIds.run2 : runIds.run1,
    scorer: extra.scorer ?? "answer",
    // cm-align reads the team review; nobody voted in this fixture.
    review: { consensus: "pending", votes: [], adjudication: null },
  };
}

const Q1_AR = () => pair("q1", "ar", "accepted", "human", 0.5);
const Q1_DE = () => pair("q1", "de", "proposed", "auto", 0.6);
const Q1_EN = () => pair("q1", "en", "proposed", "auto", 0.2);
const Q2_DE = () => pair("q2", "de", "proposed", "auto", 0.1, { ref: 1 });
const Q2_ZH = () => pair("q2", "zh", "accepted", "human", 0.4, { ref: 1 });
const Q3_DE = () => pair("q3", "de", "proposed", "auto", 0.3, { scorer: "embedding" });
const Q3_ZH = () => pair("q3", "zh", "proposed", "auto", 0.7, { scorer: "embedding" });
const Q4_DE = () => pair("q4", "de", "accepted", "human", 0.8, { run: "run2", scorer: "lexical" });

async function read(request: Omit<ExportRequest, "format">): Promise<ExportPair[]> {
  const dataset = await t.db.prisma.dataset.findUniqueOrThrow({ where: { id: f.datasetId } });
  const config = resolveExportConfig(dataset, { format: "cm-align", ...request });
  return withReadSnapshot(t.db, async (client) => {
    const out: ExportPair[] = [];
    for await (const p of streamExportPairs(client, f.datasetId, config, 2)) out.push(p);
    return out;
  });
}

describe("streamExportPairs", () => {
  it("reads every proposed and accepted pair outside the pivot, by group then language, with the effective reference", async () => {
    expect(await read({})).toEqual([Q1_AR(), Q1_DE(), Q2_DE(), Q2_ZH(), Q3_DE(), Q3_ZH(), Q4_DE()]);
  });

  it("keeps only human-accepted pairs with status accepted", async () => {
    expect(await read({ status: "accepted" })).toEqual([Q1_AR(), Q2_ZH(), Q4_DE()]);
  });

  it("applies the minimum margin inclusively", async () => {
    expect(await read({ minMargin: 0.5 })).toEqual([Q1_AR(), Q1_DE(), Q3_ZH(), Q4_DE()]);
  });

  it("leaves out flagged and conflicting pairs when asked", async () => {
    expect(await read({ excludeFlagged: true })).toEqual([Q1_AR(), Q1_DE(), Q3_DE(), Q3_ZH(), Q4_DE()]);
  });

  it("includes the pivot-language pairs with englishPairs, in byte order of language codes", async () => {
    expect(await read({ englishPairs: true })).toEqual([Q1_AR(), Q1_DE(), Q1_EN(), Q2_DE(), Q2_ZH(), Q3_DE(), Q3_ZH(), Q4_DE()]);
  });

  it("restricts to the requested languages and combines filters", async () => {
    expect(await read({ languages: ["de"] })).toEqual([Q1_DE(), Q2_DE(), Q3_DE(), Q4_DE()]);
    expect(await read({ languages: ["ar", "zh"], status: "accepted", excludeFlagged: true })).toEqual([Q1_AR()]);
  });

  it("previews the first rows with the same content; formats without the team review do not read it", async () => {
    const dataset = await t.db.prisma.dataset.findUniqueOrThrow({ where: { id: f.datasetId } });
    const config = resolveExportConfig(dataset, { format: "trl" });
    const withoutReview = ({ review: _, ...rest }: ExportPair) => rest;
    expect(await previewExportPairs(t.db, f.datasetId, config, 2)).toStrictEqual([Q1_AR(), Q1_DE()].map(withoutReview));
    const cmAlign = resolveExportConfig(dataset, { format: "cm-align" });
    expect(await previewExportPairs(t.db, f.datasetId, cmAlign, 2)).toEqual([Q1_AR(), Q1_DE()]);
  });
});

describe("export requests", () => {
  const dataset = { slug: "exp", pivotLanguage: "en", languages: ["ar", "de", "en", "zh"] };

  it("name the field of a bad value", () => {
    expect(() => resolveExportConfig(dataset, { format: "csv" })).toThrow(/^format: must be one of trl, trl-chat/);
    expect(() => resolveExportConfig(dataset, { format: "trl", languages: ["fr"] })).toThrow(
      'languages: "fr" is not a language of dataset exp (ar, de, en, zh)',
    );
    expect(() => resolveExportConfig(dataset, { format: "trl", languages: ["en"] })).toThrow(/languages: "en" is the pivot language/);
    expect(() => resolveExportConfig(dataset, { format: "trl", testSplit: 2 })).toThrow(/^testSplit: /);
    expect(() => resolveExportConfig(dataset, { format: "trl", status: "all" })).toThrow("status: must be effective or accepted");
  });

  it("default to every non-pivot language in the dataset's order", () => {
    expect(resolveExportConfig(dataset, { format: "trl", languages: ["zh", "ar"] }).languages).toEqual(["ar", "zh"]);
    expect(resolveExportConfig(dataset, { format: "trl", englishPairs: true }).languages).toEqual(["ar", "de", "en", "zh"]);
  });

  it("fail with the group and language when a prompt text is missing", async () => {
    await t.db.pool.query(`DELETE FROM prompt_texts WHERE group_id = $1 AND language = 'zh'`, [f.groupId.q3]);
    await expect(read({ languages: ["zh"] })).rejects.toThrow("prompt group q3 has no zh prompt text");
    await t.db.pool.query(`INSERT INTO prompt_texts (dataset_id, group_id, language, text) VALUES ($1, $2, 'zh', $3)`, [
      f.datasetId,
      f.groupId.q3,
      FIXTURE_TEXT.q3.prompts.zh,
    ]);
  });
});
