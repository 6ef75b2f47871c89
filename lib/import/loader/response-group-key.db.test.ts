import { afterAll, beforeAll, expect, it } from "vitest";
import { createDataset } from "@/lib/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";

let t: TestDatabase;
let a: number;
let b: number;
let groupOfA: number;

beforeAll(async () => {
  t = await createTestDatabase();
  a = await createDataset(t.db, "key-a", [{ id: "q1", prompts: { en: "How many?" }, responses: { en: ["two"] } }]);
  b = await createDataset(t.db, "key-b", [{ id: "q1", prompts: { en: "How many?" }, responses: { en: ["three"] } }]);
  groupOfA = (await t.db.pool.query<{ id: number }>(`SELECT id FROM prompt_groups WHERE dataset_id = $1`, [a])).rows[0]!.id;
}, 120_000);
afterAll(async () => t.drop());

const insertResponse = (datasetId: number, text: string) =>
  t.db.pool.query(
    `INSERT INTO responses (dataset_id, group_id, language, sample_index, text, content_hash, char_length)
     VALUES ($1, $2, 'en', 7, $3, sha256(convert_to($3, 'UTF8')), length($3))`,
    [datasetId, groupOfA, text],
  );

it("refuses a response that names another dataset than its group's", async () => {
  await expect(insertResponse(b, "four")).rejects.toMatchObject({ code: "23503", constraint: "responses_dataset_id_group_id_fkey" });
  await insertResponse(a, "four");
  const { rows } = await t.db.pool.query<{ dataset_id: number; text: string }>(
    `SELECT dataset_id, text FROM responses WHERE group_id = $1 ORDER BY sample_index`,
    [groupOfA],
  );
  expect(rows).toEqual([
    { dataset_id: a, text: "two" },
    { dataset_id: a, text: "four" },
  ]);
});

it("deleting a dataset still removes its responses (through its groups), and only its own", async () => {
  await t.db.pool.query(`DELETE FROM datasets WHERE id = $1`, [a]);
  const { rows } = await t.db.pool.query<{ dataset_id: number; text: string }>(`SELECT dataset_id, text FROM responses ORDER BY id`);
  expect(rows).toEqual([{ dataset_id: b, text: "three" }]);
});
