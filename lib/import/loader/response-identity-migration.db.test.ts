import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "@/lib/db/migrations";
import { createDataset } from "@/lib/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";

let t: TestDatabase;
let datasetId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  datasetId = await createDataset(t.db, "identity", [
    { id: "q1", prompts: { en: "How many?", de: "Wie viele?" }, responses: { en: ["a", "b"], de: ["eins"] } },
  ]);
}, 120_000);
afterAll(async () => t.drop());

const samples = async () =>
  (
    await t.db.pool.query<{ language: string; model: string | null; sample_index: number; text: string }>(
      `SELECT language, model, sample_index, text FROM responses WHERE dataset_id = $1 ORDER BY language, sample_index, id`,
      [datasetId],
    )
  ).rows.map((r) => [r.language, r.model, r.sample_index, r.text]);

it("the response_identity migration keeps rows that shared a sample position: later ones move after the last sample", async () => {
  // What the old rule (unique on group, language and text) allowed: a second file with other texts at the same positions.
  await t.db.pool.query(`DROP INDEX responses_identity_key`);
  await t.db.pool.query(
    `INSERT INTO responses (dataset_id, group_id, language, sample_index, text, content_hash, char_length, model)
     SELECT dataset_id, group_id, language, sample_index, text || ' again', sha256(convert_to(text || ' again', 'UTF8')), char_length + 6, model
     FROM responses WHERE dataset_id = $1 ORDER BY id`,
    [datasetId],
  );
  await t.db.pool.query(
    `INSERT INTO responses (dataset_id, group_id, language, sample_index, text, content_hash, char_length, model)
     SELECT dataset_id, group_id, language, 0, 'other model', sha256(convert_to('other model', 'UTF8')), 11, 'm2'
     FROM responses WHERE dataset_id = $1 AND language = 'de' LIMIT 1`,
    [datasetId],
  );
  const sql = readFileSync(join(MIGRATIONS_DIR, "20261206120000_response_identity", "migration.sql"), "utf8");
  await t.db.pool.query(sql.slice(sql.indexOf("WITH taken"), sql.indexOf("-- CreateIndex (an edited")));
  expect(await samples()).toEqual([
    ["de", null, 0, "eins"],
    ["de", "m2", 0, "other model"],
    ["de", null, 1, "eins again"],
    ["en", null, 0, "a"],
    ["en", null, 1, "b"],
    ["en", null, 2, "a again"],
    ["en", null, 3, "b again"],
  ]);
  const unique = await t.db.pool.query<{ def: string }>(`SELECT pg_get_indexdef('responses_identity_key'::regclass) AS def`);
  expect(unique.rows[0]!.def).toMatch(
    /UNIQUE INDEX responses_identity_key .*\(group_id, language, model, sample_index\) NULLS NOT DISTINCT/,
  );
});
