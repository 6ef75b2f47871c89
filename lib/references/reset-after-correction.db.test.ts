import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeBulkRun } from "@/lib/pairs/bulk-job";
import { createBulkJob } from "@/lib/pairs/bulk-job";
import { decidePair } from "@/lib/pairs/decide";
import { parsePairTableParams } from "@/lib/pairs/table";
import { undoDecision } from "@/lib/pairs/undo";
import { EIGHTEEN_OR_NINE, selectedDataset } from "@/lib/testing/select-fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { pickReference } from "./pick-reference";
import { effectiveReference } from "@/lib/effective-pair/group-reference";
import { undoCorrection } from "./undo-correction";

// EIGHTEEN_OR_NINE: English agrees on 18 (samples 0 and 2); sample 1 says 9. Moving the reference to sample 1
// moves the chosen response of every language to its "9" answer, so the run's proposal and the corrected one differ.
type State = {
  chosen_id: number | null;
  rejected_id: number | null;
  score_chosen: number | null;
  score_rejected: number | null;
  margin: number | null;
  status: string;
  origin: string;
  skip_reason: string | null;
};

let t: TestDatabase;
let datasetId: number;
let groupId: number;
let id: (g: string, l: string, s: number) => number;
let runState: Record<string, State>;
let corrected: Record<string, State>;

async function pairs(): Promise<Record<string, State & { id: number; version: number }>> {
  const { rows } = await t.db.pool.query<State & { id: number; version: number; language: string }>(
    `SELECT id, version, language, chosen_id, rejected_id, score_chosen, score_rejected, margin, status::text, origin::text, skip_reason
     FROM pairs WHERE dataset_id = $1 AND group_id = $2`,
    [datasetId, groupId],
  );
  return Object.fromEntries(rows.map(({ language, ...r }) => [language, r]));
}

const stateOf = ({ id: _id, version: _v, ...s }: State & { id: number; version: number }): State => s;

async function swap(language: string) {
  const p = (await pairs())[language]!;
  await decidePair(t.db, datasetId, { pairId: p.id, expectedVersion: p.version, decision: { action: "swap" } });
  const after = (await pairs())[language]!;
  expect([after.chosen_id, after.origin]).toEqual([p.rejected_id, "human"]);
  return after;
}

beforeAll(async () => {
  t = await createTestDatabase();
  ({ datasetId, id, groupId } = await selectedDataset(t.db, "reset", EIGHTEEN_OR_NINE));
  runState = Object.fromEntries(Object.entries(await pairs()).map(([l, p]) => [l, stateOf(p)]));
  await pickReference(t.db, datasetId, { groupId, responseId: id("q1", "en", 1), reason: "9" });
  corrected = Object.fromEntries(Object.entries(await pairs()).map(([l, p]) => [l, stateOf(p)]));
}, 120_000);
afterAll(async () => t.drop());

describe("reset after a reference correction", () => {
  it("the correction changed the automatic pairs (the precondition of every case below)", () => {
    expect(runState.de!.chosen_id).toBe(id("q1", "de", 1));
    expect(corrected.de!.chosen_id).toBe(id("q1", "de", 2));
    expect(corrected.ar!.chosen_id).toBe(id("q1", "ar", 2));
    expect(corrected.de!.margin).not.toBe(runState.de!.margin);
  });

  it("reset returns the pair to the corrected proposal, with its scores, not to the run's", async () => {
    const swapped = await swap("de");
    await decidePair(t.db, datasetId, { pairId: swapped.id, expectedVersion: swapped.version, decision: { action: "reset" } });
    expect(stateOf((await pairs()).de!)).toEqual(corrected.de);
  });

  it("undoing a decision back to auto restores the corrected proposal", async () => {
    const swapped = await swap("ar");
    const history = await t.db.prisma.pairDecision.findFirstOrThrow({ where: { pairId: swapped.id }, orderBy: { id: "desc" } });
    await undoDecision(t.db, datasetId, { pairId: swapped.id, decisionId: history.id, expectedVersion: swapped.version });
    expect(stateOf((await pairs()).ar!)).toEqual(corrected.ar);
  });

  it("a bulk reset job returns every human pair of the group to the corrected proposal", async () => {
    await swap("de");
    await swap("ar");
    const { runId } = await createBulkJob(t.db, datasetId, parsePairTableParams({ origin: "human" }), { action: "reset" });
    expect(await executeBulkRun(t.db, runId, { batchSize: 1 })).toBe("succeeded");
    const now = await pairs();
    expect({ de: stateOf(now.de!), ar: stateOf(now.ar!) }).toEqual({ de: corrected.de, ar: corrected.ar });
  });

  it("after the correction is undone, reset returns to the run's proposal again", async () => {
    const current = await effectiveReference(t.db.pool, datasetId, groupId);
    await undoCorrection(t.db, datasetId, { groupId, correctionId: current.correction!.id, reason: null });
    expect(stateOf((await pairs()).de!)).toEqual(runState.de);
    const swapped = await swap("de");
    await decidePair(t.db, datasetId, { pairId: swapped.id, expectedVersion: swapped.version, decision: { action: "reset" } });
    expect(stateOf((await pairs()).de!)).toEqual(runState.de);
  });
});
