import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "@/lib/db/migrations";
import { createDataset } from "@/lib/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { createSelectRun } from "./create-select-run";
import { executeSelectRun } from "./execute-select-run";

// A score pair (de), a language-guard pair (it: its second answer is English) and a skip (ar: one sample).
const GROUPS = [
  {
    id: "q1",
    gold: "18",
    prompts: {
      en: "Tom has 3 bags of 6 apples. How many apples?",
      de: "Tom hat 3 Tüten mit je 6 Äpfeln. Wie viele?",
      it: "Tom ha 3 sacchetti da 6 mele. Quante mele?",
      ar: "كم تفاحة؟",
    },
    responses: {
      en: ["Three bags of six apples make 18 apples in total. Answer: 18", "He has 3 times 6, which is 18 apples. Answer: 18"],
      de: ["Drei Tüten mit sechs Äpfeln sind zusammen 18 Äpfel. Antwort: 18", "Drei Tüten plus sechs Äpfel sind 9 Äpfel. Antwort: 9"],
      it: [
        "Tre sacchetti con sei mele ciascuno fanno in tutto 18 mele. Risposta: 18",
        "Three bags plus six apples make twelve apples in all. Answer: 12",
      ],
      ar: ["ثلاثة أكياس في ستة تفاحات تساوي ١٨ تفاحة. الإجابة: ١٨"],
    },
  },
];

let t: TestDatabase;
let runId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  const datasetId = await createDataset(t.db, "basis", GROUPS);
  runId = (await createSelectRun(t.db, datasetId, { scorer: "answer" })).runId;
  expect(await executeSelectRun(t.db, runId)).toBe("succeeded");
}, 120_000);
afterAll(async () => t.drop());

const proposals = async () =>
  (
    await t.db.pool.query<{ language: string; basis: string | null; skip_reason: string | null; skip_detail: string | null }>(
      `SELECT language, basis, skip_reason, skip_detail FROM run_proposals WHERE run_id = $1 ORDER BY language`,
      [runId],
    )
  ).rows;

it("the proposal_basis migration moves a paired proposal's basis out of skip_detail (where runs kept it) into basis", async () => {
  const written = await proposals();
  expect(written.map((r) => [r.language, r.basis, r.skip_reason])).toEqual([
    ["ar", null, "too_few_candidates"],
    ["de", "score", null],
    ["it", "language_guard", null],
  ]);
  // The old layout: no basis column value, a non-score basis in skip_detail of paired rows.
  await t.db.pool.query(
    `UPDATE run_proposals SET skip_detail = CASE WHEN basis = 'score' THEN NULL ELSE basis END, basis = NULL
     WHERE run_id = $1 AND skip_reason IS NULL`,
    [runId],
  );
  const sql = readFileSync(join(MIGRATIONS_DIR, "20261206120100_proposal_basis", "migration.sql"), "utf8");
  await t.db.pool.query(sql.slice(sql.indexOf("UPDATE")));
  expect(await proposals()).toEqual(written);
});
