import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pickReference } from "@/lib/references/pick-reference";
import { createSelectRun } from "@/lib/runs/create-select-run";
import { executeSelectRun } from "@/lib/runs/execute-select-run";
import { createDataset, responseIds } from "@/lib/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { getGroupView, groupExists } from "./queries";

const GROUPS = [
  {
    id: "q1",
    gold: "18",
    prompts: { en: "Tom has 3 bags of 6 apples. How many apples?", de: "Tom hat 3 Tüten mit je 6 Äpfeln. Wie viele?" },
    responses: {
      en: ["3 bags times 6 apples is 18. Answer: 18", "He has 3 + 6 = 9 apples. Answer: 9", "Three bags of six make 18 apples. Answer: 18"],
      de: ["3 mal 6 ergibt 18 Äpfel. Antwort: 18", "3 plus 6 ergibt 9 Äpfel. Antwort: 9"],
    },
  },
];

let t: TestDatabase;
let datasetId: number;
let groupId: number;
let id: (g: string, l: string, s: number) => number;
let runId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  datasetId = await createDataset(t.db, "view", GROUPS);
  id = await responseIds(t.db, datasetId);
  groupId = (await t.db.prisma.promptGroup.findFirstOrThrow({ where: { datasetId } })).id;
  ({ runId } = await createSelectRun(t.db, datasetId, { scorer: "answer" }));
  expect(await executeSelectRun(t.db, runId)).toBe("succeeded");
});
afterAll(async () => t.drop());

describe("getGroupView", () => {
  it("shows the run's reference, scores and pairs", async () => {
    const view = await getGroupView(t.db, datasetId, groupId);
    expect(view.languages).toEqual(["en", "de"]);
    expect(view.reference).toMatchObject({ source: "run", runId, runNumber: 1, scorer: "answer" });
    const stored = await t.db.prisma.runScore.findMany({ where: { runId } });
    expect(Object.fromEntries(view.responses.map((r) => [r.id, r.score]))).toEqual(
      Object.fromEntries(stored.map((s) => [s.responseId, s.score])),
    );
    expect(view.pairs.de).toMatchObject({ chosenId: id("q1", "de", 0), rejectedId: id("q1", "de", 1), status: "proposed", origin: "auto" });
    expect(view.correction).toBeNull();
  });

  it("after a correction shows its reference, recomputed CL scores and each language's before → after", async () => {
    await pickReference(t.db, datasetId, { groupId, responseId: id("q1", "en", 1), reason: "test" });
    const view = await getGroupView(t.db, datasetId, groupId);
    expect(view.reference).toMatchObject({ source: "correction", responseId: id("q1", "en", 1), scorer: "answer" });
    const de = new Map(view.responses.filter((r) => r.language === "de").map((r) => [r.id, r.score!]));
    expect(de.get(id("q1", "de", 1))!).toBeGreaterThanOrEqual(0.99);
    expect(de.get(id("q1", "de", 1))!).toBeLessThanOrEqual(1);
    expect(de.get(id("q1", "de", 0))!).toBeLessThan(0.01 + 1e-9);
    expect(view.pairs.de).toMatchObject({ chosenId: id("q1", "de", 1), rejectedId: id("q1", "de", 0) });
    expect(view.correction?.changes.map((c) => [c.language, c.before?.chosenId, c.after.chosenId])).toEqual([
      ["de", id("q1", "de", 0), id("q1", "de", 1)],
    ]);
    expect(view.history.map((h) => h.kind)).toEqual(["pick"]);
  });
});

describe("groupExists", () => {
  it("finds a group only in its own dataset", async () => {
    const other = await createDataset(t.db, "view-other", GROUPS);
    expect(await groupExists(t.db, datasetId, groupId)).toBe(true);
    expect(await groupExists(t.db, other, groupId)).toBe(false);
    expect(await groupExists(t.db, datasetId, groupId + 1_000_000)).toBe(false);
  });
});
