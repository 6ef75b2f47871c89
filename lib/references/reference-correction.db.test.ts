import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decidePair } from "@/lib/pairs/decide";
import { selectGroupWithReference, type GroupSelection } from "@/lib/pipeline";
import { EIGHTEEN_OR_NINE, selectedDataset } from "@/lib/testing/select-fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { editReference } from "./edit-reference";
import { loadGroupInput } from "@/lib/runs/load-groups";
import { pickReference } from "./pick-reference";
import { effectiveReference } from "@/lib/effective-pair/group-reference";
import { undoCorrection } from "./undo-correction";

// EIGHTEEN_OR_NINE: English agrees on 18 (samples 0 and 2); sample 1 says 9. Every language has an 18
// and a 9 answer, so moving the reference from 18 to 9 moves the chosen response in every language.
let t: TestDatabase;
let datasetId: number;
let groupId: number;
let id: (g: string, l: string, s: number) => number;
let runReference: number;

type Snapshot = Record<
  string,
  { chosen: number | null; rejected: number | null; status: string; origin: string; conflict: boolean; margin: number | null }
>;

async function pairsNow(): Promise<Snapshot> {
  const { rows } = await t.db.pool.query<{
    language: string;
    chosen_id: number | null;
    rejected_id: number | null;
    status: string;
    origin: string;
    conflict: boolean;
    margin: number | null;
  }>(
    `SELECT language, chosen_id, rejected_id, status::text, origin::text, conflict, margin FROM pairs WHERE dataset_id = $1 AND group_id = $2`,
    [datasetId, groupId],
  );
  return Object.fromEntries(
    rows.map((r) => [
      r.language,
      { chosen: r.chosen_id, rejected: r.rejected_id, status: r.status, origin: r.origin, conflict: r.conflict, margin: r.margin },
    ]),
  );
}

async function predicted(referenceId: number): Promise<GroupSelection> {
  const group = await loadGroupInput(t.db.pool, datasetId, groupId, "en", null);
  return selectGroupWithReference(group, { scorer: "answer" }, String(referenceId));
}

function asPairs(selection: GroupSelection): Snapshot {
  return Object.fromEntries(
    selection.decisions.map((d) => [
      d.lang,
      d.kind === "pair"
        ? {
            chosen: Number(d.chosenId),
            rejected: Number(d.rejectedId),
            status: "proposed",
            origin: "auto",
            conflict: false,
            margin: d.margin,
          }
        : { chosen: null, rejected: null, status: "skipped", origin: "auto", conflict: false, margin: null },
    ]),
  );
}

beforeAll(async () => {
  t = await createTestDatabase();
  let runId: number;
  ({ datasetId, id, groupId, runId } = await selectedDataset(t.db, "refs", EIGHTEEN_OR_NINE));
  runReference = (await t.db.prisma.runReference.findFirstOrThrow({ where: { runId } })).responseId!;
});
afterAll(async () => t.drop());

describe("reference correction", () => {
  let afterRun: Snapshot;

  it("picking another English sample recomputes the pairs in every language as selectGroupWithReference predicts", async () => {
    afterRun = await pairsNow();
    expect([id("q1", "en", 0), id("q1", "en", 2)]).toContain(runReference);
    expect(afterRun.de?.chosen).toBe(id("q1", "de", 1));
    expect(afterRun.ar?.chosen).toBe(id("q1", "ar", 0));
    const record = await pickReference(t.db, datasetId, { groupId, responseId: id("q1", "en", 1), reason: "9 is what I want" });
    const expected = asPairs(await predicted(id("q1", "en", 1)));
    expect(await pairsNow()).toEqual(expected);
    expect(expected.de?.chosen).toBe(id("q1", "de", 2));
    expect(expected.ar?.chosen).toBe(id("q1", "ar", 2));
    expect(record.changes.map((c) => [c.language, c.before?.chosenId, c.after.chosenId])).toEqual([
      ["ar", id("q1", "ar", 0), id("q1", "ar", 2)],
      ["de", id("q1", "de", 1), id("q1", "de", 2)],
    ]);
    const correction = await t.db.prisma.referenceCorrection.findFirstOrThrow({ where: { groupId }, orderBy: { id: "desc" } });
    expect(correction).toMatchObject({
      kind: "pick",
      previousResponseId: runReference,
      responseId: id("q1", "en", 1),
      reason: "9 is what I want",
    });
    expect(await t.db.prisma.auditEvent.count({ where: { datasetId, action: "reference.pick", entityId: String(correction.id) } })).toBe(1);
  });

  it("undo restores the previous reference and the run's pairs", async () => {
    const current = await effectiveReference(t.db.pool, datasetId, groupId);
    await undoCorrection(t.db, datasetId, { groupId, correctionId: current.correction!.id, reason: null });
    expect(await pairsNow()).toEqual(afterRun);
    expect((await effectiveReference(t.db.pool, datasetId, groupId)).responseId).toBe(runReference);
  });

  it("a stale undo is refused", async () => {
    await expect(undoCorrection(t.db, datasetId, { groupId, correctionId: 1, reason: null })).rejects.toThrow("corrected again meanwhile");
  });

  it("keeps a human decision and flags it as a conflict when the new reference disagrees", async () => {
    const ar = await t.db.prisma.pair.findFirstOrThrow({ where: { datasetId, groupId, language: "ar" } });
    await decidePair(t.db, datasetId, { pairId: ar.id, expectedVersion: ar.version, decision: { action: "accept" } });
    await pickReference(t.db, datasetId, { groupId, responseId: id("q1", "en", 1), reason: null });
    const now = await pairsNow();
    expect(now.ar).toEqual({ ...afterRun.ar, status: "accepted", origin: "human", conflict: true });
    expect(now.de).toEqual(asPairs(await predicted(id("q1", "en", 1))).de);
    const version = (await t.db.prisma.pair.findUniqueOrThrow({ where: { id: ar.id } })).version;
    expect(version).toBe(ar.version + 2);
  });

  it("editing the reference text stores an edited English response and recomputes from it", async () => {
    const text = "Three bags with six apples each: 3 × 6 = 18. Answer: 18";
    const record = await editReference(t.db, datasetId, { groupId, text, reason: "clearer" });
    const edited = await t.db.prisma.response.findUniqueOrThrow({ where: { id: record.responseId! } });
    expect(edited).toMatchObject({
      groupId,
      language: "en",
      sampleIndex: 3,
      origin: "edited",
      text,
      extractedAnswer: "18",
      charLength: [...text].length,
    });
    const expected = asPairs(await predicted(edited.id));
    const now = await pairsNow();
    expect(now.de).toEqual(expected.de);
    expect(now.de?.chosen).toBe(id("q1", "de", 1));
    expect(now.ar).toEqual({ ...afterRun.ar, status: "accepted", origin: "human", conflict: false });
    expect(record.scores).toContainEqual([edited.id, "cons", expect.any(Number)]);
    await expect(editReference(t.db, datasetId, { groupId, text, reason: null })).rejects.toThrow("already");
  });

  it("refuses a reference from another language", async () => {
    await expect(pickReference(t.db, datasetId, { groupId, responseId: id("q1", "de", 0), reason: null })).rejects.toThrow(
      "must be a en response",
    );
  });
});
