import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { latestModelUsage } from "@/lib/dashboards/queries/models";
import { selectionBoundsByLanguage, type ResponseAnswer } from "@/lib/pipeline";
import { createSelectRun } from "@/lib/runs/create-select-run";
import { executeSelectRun } from "@/lib/runs/execute-select-run";
import { runCliCaptured } from "@/lib/testing/cli";
import { createDataset, responseIds, type FixtureGroup } from "@/lib/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import type { RunSummary } from "./summary";

// Three math groups in de and sw, scored by the answers. Every language has a response agreeing
// with the method's reference answer. q1/de sample 2 and q2/sw sample 0 are (made) off-target and
// hold the gold answer, so the guard rejects a correct response. No English sample of q3 has its
// gold answer 5: the method's reference says 4 and the gold reference is missing.
const GROUPS: FixtureGroup[] = [
  {
    id: "q1",
    gold: "18",
    prompts: { en: "3 bags of 6 apples: how many apples?" },
    responses: {
      en: ["3 bags of 6 apples make 18. Answer: 18", "Three bags with six apples each: 18. Answer: 18", "3 + 6 = 9. Answer: 9"],
      de: ["3 Tüten mal 6 Äpfel sind 18. Antwort: 18", "3 mal 6 ist 20. Antwort: 20", "Three times six is 18. Answer: 18"],
      sw: ["Mifuko 3 ya tufaha 6 ni 18. Jibu ni 18", "Jibu ni 21"],
    },
  },
  {
    id: "q2",
    gold: "7",
    prompts: { en: "What is 10 minus 3?" },
    responses: {
      en: ["10 - 3 = 7. Answer: 7", "Ten minus three is seven. Answer: 7", "Answer: 13"],
      de: ["10 minus 3 ist 7. Antwort: 7", "Antwort: 13"],
      sw: ["Ten minus three is 7. Answer: 7", "Kumi toa tatu ni 7. Jibu ni 7", "Jibu ni 13"],
    },
  },
  {
    id: "q3",
    gold: "5",
    prompts: { en: "What is 2 + 3?" },
    responses: {
      en: ["2 + 2 = 4. Answer: 4", "Two and two make 4. Answer: 4", "Answer: 6"],
      de: ["Antwort: 5", "2 und 2 sind 4. Antwort: 4"],
      sw: ["Jibu ni 5", "Mbili na mbili ni 4. Jibu ni 4", "Jibu ni 6", "Jibu ni 8"],
    },
  },
];

let t: TestDatabase;
let datasetId: number;
let method: number;
let gold: number;

const summaryOf = async (runId: number) =>
  (await t.db.prisma.pipelineRun.findUniqueOrThrow({ where: { id: runId } })).summary as unknown as RunSummary;

beforeAll(async () => {
  t = await createTestDatabase();
  datasetId = await createDataset(t.db, "quality", GROUPS);
  const id = await responseIds(t.db, datasetId);
  // Detection of such short texts is not what this test is about: fix it, then make two responses off-target.
  await t.db.pool.query(
    `UPDATE responses SET detected_language = language, model = CASE sample_index WHEN 0 THEN 'm-a' WHEN 1 THEN 'm-b' END WHERE dataset_id = $1`,
    [datasetId],
  );
  await t.db.pool.query(`UPDATE responses SET detected_language = 'en' WHERE id = ANY($1)`, [[id("q1", "de", 2), id("q2", "sw", 0)]]);
  method = (await createSelectRun(t.db, datasetId, { scorer: "answer" })).runId;
  expect(await executeSelectRun(t.db, method)).toBe("succeeded");
  gold = (await createSelectRun(t.db, datasetId, { scorer: "answer", reference: "gold" })).runId;
  expect(await executeSelectRun(t.db, gold)).toBe("succeeded");
});
afterAll(async () => t.drop());

// Bounds on the same data for both runs. de: each group has 2 on-target answers, one correct.
// sw: q1 1 of 2, q2 1 of 2 (the off-target 7 does not count), q3 1 of 4.
const bounds = { de: { goldGroups: 3, oracle: 1, randomOnTarget: 0.5 }, sw: { goldGroups: 3, oracle: 1, randomOnTarget: 1.25 / 3 } };

describe("run summary quality", () => {
  it("the method: chosen correct, rejected wrong, chosen on-target and the bounds per language", async () => {
    const s = await summaryOf(method);
    // de chosen 18, 7, 4 (q3 follows the wrong reference); rejected 18 (off-target), 13, 5.
    expect(s.languages.de).toMatchObject({
      pairs: 3,
      quality: { judged: 3, chosenCorrect: 2 / 3, rejectedWrong: 1 / 3 },
      chosenOnTarget: 1,
      bounds: bounds.de,
    });
    // sw chosen 18, 7, 4; rejected 21, 7 (off-target), 5.
    expect(s.languages.sw).toMatchObject({
      pairs: 3,
      quality: { judged: 3, chosenCorrect: 2 / 3, rejectedWrong: 1 / 3 },
      chosenOnTarget: 1,
      bounds: bounds.sw,
    });
  });

  it("the stored bounds equal the pure definition over every response", async () => {
    const { rows } = await t.db.pool.query<ResponseAnswer>(
      `SELECT r.group_id::text AS "groupId", r.language AS lang, r.detected_language AS "detectedLang", r.extracted_answer AS answer, g.gold
       FROM responses r JOIN prompt_groups g ON g.id = r.group_id WHERE r.dataset_id = $1`,
      [datasetId],
    );
    const stored = (await summaryOf(method)).languages;
    for (const b of selectionBoundsByLanguage(rows).filter((x) => x.lang !== "en")) {
      expect(stored[b.lang]?.bounds).toEqual({ goldGroups: b.groups, oracle: b.oracle, randomOnTarget: b.randomOnTarget });
    }
  });

  it("the gold reference skips q3 as no_gold_reference and is right wherever it pairs", async () => {
    const s = await summaryOf(gold);
    expect(s.skipped).toEqual({ no_gold_reference: 2 });
    expect(s.languages.de).toMatchObject({
      pairs: 2,
      skipped: { no_gold_reference: 1 },
      quality: { judged: 2, chosenCorrect: 1, rejectedWrong: 0.5 },
      bounds: bounds.de,
    });
    expect(s.languages.sw).toMatchObject({
      pairs: 2,
      skipped: { no_gold_reference: 1 },
      quality: { judged: 2, chosenCorrect: 1, rejectedWrong: 0.5 },
      bounds: bounds.sw,
    });
    const { rows } = await t.db.pool.query<{ detail: string }>(
      `SELECT DISTINCT skip_detail AS detail FROM run_proposals WHERE run_id = $1 AND skip_reason = 'no_gold_reference'`,
      [gold],
    );
    expect(rows).toEqual([{ detail: "no en sample has the gold answer 5 (answers: 4, 6)" }]);
  });

  it("per model and language: responses, chosen, rejected, off-target, mixed", async () => {
    const row = (model: string | null, lang: string, responses: number, chosen: number, rejected: number, offTarget: number) => ({
      model,
      lang,
      responses,
      chosen,
      rejected,
      offTarget,
      mixed: 0,
    });
    expect((await summaryOf(method)).models).toEqual([
      row("m-a", "de", 3, 2, 1, 0),
      row("m-a", "en", 3, 0, 0, 0),
      row("m-a", "sw", 3, 1, 2, 1),
      row("m-b", "de", 3, 1, 1, 0),
      row("m-b", "en", 3, 0, 0, 0),
      row("m-b", "sw", 3, 2, 1, 0),
      row(null, "de", 1, 0, 1, 1),
      row(null, "en", 3, 0, 0, 0),
      row(null, "sw", 3, 0, 0, 0),
    ]);
    // The dataset page reads the latest run's figures from its summary: the gold run chose nothing in q3.
    const latest = await latestModelUsage(t.db, datasetId);
    expect(latest?.run).toEqual({ id: gold, number: 2 });
    expect(latest?.rows?.filter((r) => r.model === "m-b" && r.lang !== "en")).toEqual([
      row("m-b", "de", 3, 0, 1, 0),
      row("m-b", "sw", 3, 1, 1, 0),
    ]);
  });

  it("stats --json gives the same figures per run and language", async () => {
    const r = await runCliCaptured(["stats", "--dataset", "quality", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { runs: { runId: number; reference: string; quality: Record<string, unknown> }[] };
    expect(out.runs.map((x) => [x.runId, x.reference])).toEqual([
      [gold, "gold"],
      [method, "consistency"],
    ]);
    const byId = new Map(out.runs.map((x) => [x.runId, x.quality]));
    expect(byId.get(method)).toEqual({
      de: { judged: 3, chosenCorrect: 2 / 3, rejectedWrong: 1 / 3, chosenOnTarget: 1, ...bounds.de },
      sw: { judged: 3, chosenCorrect: 2 / 3, rejectedWrong: 1 / 3, chosenOnTarget: 1, ...bounds.sw },
    });
    expect(byId.get(gold)).toEqual({
      de: { judged: 2, chosenCorrect: 1, rejectedWrong: 0.5, chosenOnTarget: 1, ...bounds.de },
      sw: { judged: 2, chosenCorrect: 1, rejectedWrong: 0.5, chosenOnTarget: 1, ...bounds.sw },
    });
  });
});
