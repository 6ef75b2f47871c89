import { beforeAll, describe, expect, it } from "vitest";
import { decidePair } from "@/lib/pairs/decide";
import { createSelectRun } from "@/lib/runs/create-select-run";
import { executeSelectRun } from "@/lib/runs/execute-select-run";
import { createDataset } from "@/lib/testing/fixtures";
import { datasetWithIds, TWO_MATH_GROUPS } from "@/lib/testing/select-fixtures";
import { databaseForThisFile } from "@/lib/testing/test-db";
import { changedPairs, changesByLanguage, listSelectRuns } from "./compare";
import { loadOverview } from "./overview";
import { qualityRows } from "./quality";
import { isLatestSelectRun, runProposalAggregates } from "./run";

// TWO_MATH_GROUPS: two math groups whose pairs are decided by the answers (see lib/runs/select-run.db.test.ts). With the
// answer scorer a matching answer scores 0.99 plus a small tie-break, so every chosen CL and margin is
// ≥ 0.98 (bucket "≥ 0.9"), every rejected CL is below 0.1, and both references have Cons just above 0.5.
const t = databaseForThisFile();
let datasetId: number;
let runA: number;
let runB: number;
let id: (g: string, l: string, s: number) => number;

beforeAll(async () => {
  ({ datasetId, id } = await datasetWithIds(t.db, "fixture", TWO_MATH_GROUPS));
  // A second dataset with its own run: nothing of it may leak into the first one's figures.
  const other = await createDataset(t.db, "other", TWO_MATH_GROUPS);
  await executeSelectRun(t.db, (await createSelectRun(t.db, other, { scorer: "answer" })).runId);
  runA = (await createSelectRun(t.db, datasetId, { scorer: "answer" })).runId;
  expect(await executeSelectRun(t.db, runA)).toBe("succeeded");
  await t.db.pool.query(`UPDATE responses SET detected_language = 'en' WHERE id = $1`, [id("q2", "de", 1)]);
});

const sortRows = <T extends { language: string; bucket: number | null }>(rows: T[]) =>
  [...rows].sort((a, b) => a.language.localeCompare(b.language) || (a.bucket ?? -1) - (b.bucket ?? -1));

// Run A's margin and CL histograms, the same whether read from the effective pairs or from the run's proposals.
const RUN_A_HISTOGRAMS = {
  margins: [
    { language: "ar", bucket: null, n: 1 },
    { language: "ar", bucket: 10, n: 1 },
    { language: "de", bucket: 10, n: 2 },
  ],
  chosenScores: [
    { language: "ar", bucket: 10, n: 1 },
    { language: "de", bucket: 10, n: 2 },
  ],
  rejectedScores: [
    { language: "ar", bucket: 1, n: 1 },
    { language: "de", bucket: 1, n: 2 },
  ],
};
type Histograms = Record<keyof typeof RUN_A_HISTOGRAMS, { language: string; bucket: number | null; n: number }[]>;
const histogramsOf = (h: Histograms) => ({
  margins: sortRows(h.margins),
  chosenScores: sortRows(h.chosenScores),
  rejectedScores: sortRows(h.rejectedScores),
});

describe("dashboard aggregates", () => {
  it("counts, histograms and response figures of one run", async () => {
    const o = await loadOverview(t.db, datasetId);
    expect(o.counts).toEqual({ groups: 2, groupsWithGold: 2, responses: 14, languages: 3 });
    expect([...o.pairs].sort((a, b) => a.language.localeCompare(b.language) || a.status.localeCompare(b.status))).toEqual([
      { language: "ar", status: "proposed", origin: "auto", n: 1 },
      { language: "ar", status: "skipped", origin: "auto", n: 1 },
      { language: "de", status: "proposed", origin: "auto", n: 2 },
    ]);
    expect(histogramsOf(o)).toEqual(RUN_A_HISTOGRAMS);
    expect(o.cons).toEqual({ run: { id: runA, number: 1 }, rows: [{ bucket: 6, n: 2 }] });
    // Lengths: ar 53, 11, 10, 10; de 27, 36, 28, 11; en 39, 34, 44, 21, 44, 10 (percentile_disc: a value that occurs).
    expect(o.responses).toEqual([
      { language: "ar", responses: 4, offTarget: 0, medianChars: 10, p90Chars: 53 },
      { language: "de", responses: 4, offTarget: 1, medianChars: 27, p90Chars: 36 },
      { language: "en", responses: 6, offTarget: 0, medianChars: 34, p90Chars: 44 },
    ]);
  });

  it("a run's own proposals: margin and CL histograms, skip reasons per language", async () => {
    const r = await runProposalAggregates(t.db.pool, datasetId, runA);
    expect(histogramsOf(r)).toEqual(RUN_A_HISTOGRAMS);
    expect(r.skips).toEqual([{ language: "ar", reason: "same_response", n: 1 }]);
    // The run stored the same figures in its summary when it ended (what the run page reads).
    const run = await t.db.prisma.pipelineRun.findUniqueOrThrow({ where: { id: runA } });
    expect((run.summary as { charts?: unknown }).charts).toEqual(JSON.parse(JSON.stringify(r)));
    expect(await isLatestSelectRun(t.db, datasetId, runA)).toBe(true);
    // Scoped by dataset: the run's id under another dataset has nothing.
    expect(await runProposalAggregates(t.db.pool, datasetId + 1, runA)).toEqual({
      margins: [],
      chosenScores: [],
      rejectedScores: [],
      skips: [],
    });
  });

  it("a reviewer's decision moves the pair to its status and origin", async () => {
    const pair = await t.db.prisma.pair.findFirstOrThrow({ where: { datasetId, language: "de", chosenId: id("q1", "de", 1) } });
    await decidePair(t.db, datasetId, { pairId: pair.id, expectedVersion: pair.version, decision: { action: "accept" } });
    const o = await loadOverview(t.db, datasetId);
    expect(o.pairs.filter((p) => p.language === "de").sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { language: "de", status: "accepted", origin: "human", n: 1 },
      { language: "de", status: "proposed", origin: "auto", n: 1 },
    ]);
  });

  it("gold quality per run and language, from the run summaries", async () => {
    runB = (await createSelectRun(t.db, datasetId, { scorer: "answer", reference: "first" })).runId;
    expect(await executeSelectRun(t.db, runB)).toBe("succeeded");
    const common = { pairs: "consistency", scorer: "answer", chosenCorrect: 1, rejectedWrong: 1, goldGroups: 2, oracle: 1 };
    // Run B was summarised after q2/de sample 1 became off-target: its chosen de responses are still on-target.
    // Random on-target pick: ar 1 of 2 and 2 of 2 (q2's one stored text) → 0.75; de for run A 1 of 2 twice, for B 1 of 2 and 1 of 1.
    expect(await qualityRows(t.db, datasetId)).toEqual([
      { runId: runA, reference: "consistency", language: "ar", judged: 1, chosenOnTarget: 1, randomOnTarget: 0.75, ...common },
      { runId: runA, reference: "consistency", language: "de", judged: 2, chosenOnTarget: 1, randomOnTarget: 0.5, ...common },
      { runId: runB, reference: "first", language: "ar", judged: 1, chosenOnTarget: 1, randomOnTarget: 0.75, ...common },
      { runId: runB, reference: "first", language: "de", judged: 2, chosenOnTarget: 1, randomOnTarget: 0.75, ...common },
    ]);
    expect((await listSelectRuns(t.db, datasetId)).map((r) => [r.id, r.reference])).toEqual([
      [runB, "first"],
      [runA, "consistency"],
    ]);
    // Run B is the dataset's second run, though the other dataset's run has a lower global id.
    expect((await loadOverview(t.db, datasetId)).cons.run).toEqual({ id: runB, number: 2 });
  });

  it("compares two runs' proposals by group and language", async () => {
    expect(await changesByLanguage(t.db, datasetId, runA, runB)).toEqual([
      { language: "ar", total: 2, changed: 0 },
      { language: "de", total: 2, changed: 0 },
    ]);
    // Make run B disagree on q1/de: it swaps chosen and rejected.
    await t.db.pool.query(
      `UPDATE run_proposals SET chosen_id = rejected_id, rejected_id = chosen_id, margin = -margin WHERE run_id = $1 AND language = 'de' AND chosen_id = $2`,
      [runB, id("q1", "de", 1)],
    );
    expect(await changesByLanguage(t.db, datasetId, runA, runB)).toEqual([
      { language: "ar", total: 2, changed: 0 },
      { language: "de", total: 2, changed: 1 },
    ]);
    const [row, ...rest] = await changedPairs(t.db, datasetId, runA, runB, 10);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      externalId: "q1",
      language: "de",
      aChosen: id("q1", "de", 1),
      aRejected: id("q1", "de", 0),
      bChosen: id("q1", "de", 0),
      bRejected: id("q1", "de", 1),
    });
    expect([row!.aMargin! > 0.98, row!.bMargin! < -0.98]).toEqual([true, true]);
    expect(await changesByLanguage(t.db, datasetId + 1, runA, runB)).toEqual([]);
  });
});
