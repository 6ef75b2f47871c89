import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentHash } from "@/lib/datasets/insert-groups";
import { runCliCaptured } from "@/lib/testing/cli";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const cli = runCliCaptured;

async function datasetWithResponses(slug: string, n: number): Promise<void> {
  const one = async (sql: string, values: unknown[]) => (await t.db.pool.query<{ id: number }>(sql, values)).rows[0]!.id;
  const datasetId = await one(`INSERT INTO datasets (slug, name, updated_at) VALUES ($1, $1, now()) RETURNING id`, [slug]);
  const groupId = await one(`INSERT INTO prompt_groups (dataset_id, external_id) VALUES ($1, 'g') RETURNING id`, [datasetId]);
  const texts = Array.from({ length: n }, (_, i) => `${slug} ${i}`);
  await t.db.pool.query(
    `INSERT INTO responses (dataset_id, group_id, language, sample_index, text, content_hash, char_length)
     SELECT $1, $2, 'de', s, x, h, length(x) FROM unnest($3::text[], $4::bytea[]) WITH ORDINALITY u(x, h, s)`,
    [datasetId, groupId, texts, texts.map(contentHash)],
  );
}

describe("cli search-index", () => {
  it("drains one dataset, then the rest, printing a JSON summary", async () => {
    await datasetWithResponses("cli-a", 25);
    await datasetWithResponses("cli-b", 7);
    const one = await cli(["search-index", "--dataset", "cli-a", "--batch-size", "10"]);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ dataset: "cli-a", indexed: 25, batches: 3, remaining: 0, stopped: false });
    expect(one.stderr).toContain("search index of cli-a");
    const rest = await cli(["search-index", "--json"]);
    expect(JSON.parse(rest.stdout)).toMatchObject({ dataset: null, indexed: 7, remaining: 0 });
    const none = await cli(["search-index"]);
    expect(JSON.parse(none.stdout)).toMatchObject({ indexed: 0, batches: 0, remaining: 0 });
  });

  it("answers an unknown dataset with exit 1 and a bad batch size with exit 2", async () => {
    expect((await cli(["search-index", "--dataset", "nope"])).code).toBe(1);
    expect((await cli(["search-index", "--batch-size", "0"])).code).toBe(2);
  });
});
