import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGeneratedGroups } from "@/lib/datasets/seed-demo";
import { generateGroups } from "@/lib/demo";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { createSelectRun } from "./create-select-run";
import { executeSelectRun } from "./execute-select-run";

// A select run committed in short transactions (chunk slices, then its pairs published a few whole
// groups per step: PGlite's way) leaves exactly the pairs and summary of one committed whole (chunks,
// then one finishing transaction: Postgres's way), from the same prior state: auto pairs of an older
// run, pairs a human decided otherwise, groups with no pair yet.

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
}, 120_000);
afterAll(async () => t.drop());

const COLUMNS = `group_id, language, chosen_id, rejected_id, score_chosen, score_rejected, margin, status::text, origin::text,
                 skip_reason, run_id, conflict, off_target, version`;

async function pairsOf(datasetId: number, runId: number) {
  const { rows } = await t.db.pool.query<Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM pairs WHERE dataset_id = $1 ORDER BY group_id, language`,
    [datasetId],
  );
  // The run's id is the one thing that differs between the two runs.
  return rows.map((r) => ({ ...r, run_id: r.run_id === runId ? "this run" : r.run_id }));
}

async function summaryOf(runId: number) {
  const { rows } = await t.db.pool.query<{ summary: Record<string, unknown> }>(`SELECT summary FROM pipeline_runs WHERE id = $1`, [runId]);
  const { durationMs: _, ...rest } = rows[0]!.summary;
  return rest;
}

async function run(datasetId: number, chunkSize: number, transactionGroups: number | null) {
  const { runId } = await createSelectRun(t.db, datasetId, { scorer: "lexical", chunkSize });
  expect(await executeSelectRun(t.db, runId, { threads: 0, transactionGroups })).toBe("succeeded");
  return runId;
}

describe("a select run finished in short transactions", () => {
  it("leaves exactly the pairs and summary of the run finished in one transaction", async () => {
    let dataset = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 1_000 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.boolean(), { minLength: 12 * 3, maxLength: 12 * 3 }),
        fc.array(fc.boolean(), { minLength: 12 * 3, maxLength: 12 * 3 }),
        async (groups, seed, chunkSize, transactionGroups, decided, dropped) => {
          dataset += 1;
          const slug = `batched-${dataset}`;
          const d = await t.db.prisma.dataset.create({ data: { slug, name: slug, languages: ["en", "de", "zh"] } });
          await loadGeneratedGroups(t.db, d.id, generateGroups({ seed, groups, languages: ["en", "de", "zh"], samples: 3 }));
          // The prior state: an older run's pairs, some swapped by a human, some removed.
          await run(d.id, 250, null);
          const { rows: prior } = await t.db.pool.query<{ id: number }>(`SELECT id FROM pairs WHERE dataset_id = $1 ORDER BY id`, [d.id]);
          const swap = prior.filter((_, i) => decided[i]).map((p) => p.id);
          const drop = prior.filter((_, i) => dropped[i] && !decided[i]).map((p) => p.id);
          await t.db.pool.query(
            `UPDATE pairs SET origin = 'human', status = 'accepted', chosen_id = rejected_id, rejected_id = chosen_id WHERE id = ANY($1::int[])`,
            [swap],
          );
          await t.db.pool.query(`DELETE FROM pairs WHERE id = ANY($1::int[])`, [drop]);
          const snapshot = `pairs_before_${dataset}`;
          await t.db.pool.query(`CREATE TABLE ${snapshot} AS SELECT * FROM pairs WHERE dataset_id = $1`, [d.id]);

          const whole = await run(d.id, chunkSize, null);
          const wholePairs = await pairsOf(d.id, whole);
          const wholeSummary = await summaryOf(whole);

          await t.db.pool.query(`DELETE FROM pairs WHERE dataset_id = $1`, [d.id]);
          await t.db.pool.query(`INSERT INTO pairs SELECT * FROM ${snapshot}`);
          await t.db.pool.query(`DROP TABLE ${snapshot}`);
          const batched = await run(d.id, chunkSize, transactionGroups);
          expect(await pairsOf(d.id, batched)).toEqual(wholePairs);
          expect(await summaryOf(batched)).toEqual(wholeSummary);
        },
      ),
      { numRuns: 8 },
    );
  }, 300_000);
});
