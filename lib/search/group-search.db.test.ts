import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { contentHash } from "@/lib/datasets/insert-groups";
import { searchFixture } from "@/lib/testing/search-fixture";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { searchGroups } from "./group-search";
import { indexPendingResponses } from "./index-pending";

// The group search finds a group by any of its prompts or responses (paired or not), whatever share
// of the responses the search copy holds: checked against ILIKE over the base tables.

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const { q } = searchFixture(() => t.db);
let serial = 0;

type Group = { prompts: [string, string]; responses: string[] };
const word = fc.constantFrom("apfel", "Apfel", "birne", "苹果", "梨", "100%", "a_b", "x");
const text = fc.array(word, { maxLength: 3 }).map((ws) => ws.join(" "));
const group: fc.Arbitrary<Group> = fc.record({ prompts: fc.tuple(text, text), responses: fc.array(text, { maxLength: 4 }) });

/** A dataset with these groups: prompts in de and zh, responses alternating de and zh, one INSERT each. */
async function dataset(groups: Group[]): Promise<number> {
  const slug = `groups-${serial++}`;
  const [d] = await q<{ id: number }>(`INSERT INTO datasets (slug, name, updated_at) VALUES ($1, $1, now()) RETURNING id`, [slug]);
  const datasetId = d!.id;
  for (const [i, g] of groups.entries()) {
    const [row] = await q<{ id: number }>(`INSERT INTO prompt_groups (dataset_id, external_id) VALUES ($1, $2) RETURNING id`, [
      datasetId,
      `g${i}`,
    ]);
    await q(`INSERT INTO prompt_texts (dataset_id, group_id, language, text) VALUES ($1, $2, 'de', $3), ($1, $2, 'zh', $4)`, [
      datasetId,
      row!.id,
      ...g.prompts,
    ]);
    for (const [k, x] of g.responses.entries()) {
      await q(
        `INSERT INTO responses (dataset_id, group_id, language, sample_index, text, content_hash, char_length) VALUES ($1, $2, $3, $4, $5, $6, length($5))`,
        [datasetId, row!.id, k % 2 === 0 ? "de" : "zh", k, x, contentHash(x)],
      );
    }
  }
  return datasetId;
}

async function byScan(datasetId: number, needle: string): Promise<number[]> {
  const like = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await q<{ id: number }>(
    `SELECT g.id FROM prompt_groups g WHERE g.dataset_id = $1 AND (
       EXISTS (SELECT 1 FROM prompt_texts pt WHERE pt.group_id = g.id AND pt.text ILIKE $2)
       OR EXISTS (SELECT 1 FROM responses r WHERE r.group_id = g.id AND r.text ILIKE $2)) ORDER BY g.id`,
    [datasetId, like],
  );
  return rows.map((r) => r.id);
}

/** Every hit, two groups a page. */
async function allHits(datasetId: number, needle: string): Promise<number[]> {
  const ids: number[] = [];
  for (let after = 0; ; ) {
    const page = await searchGroups(t.db, datasetId, needle, 2, after);
    ids.push(...page.map((h) => h.groupId));
    if (page.length < 2) return ids;
    after = page.at(-1)!.groupId;
  }
}

it("equals ILIKE over every prompt and response of a group, at any indexing state, page by page", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(group, { minLength: 1, maxLength: 5 }),
      fc.integer({ min: 0, max: 3 }),
      fc.array(word, { minLength: 1, maxLength: 3 }),
      async (groups, batches, needles) => {
        const datasetId = await dataset(groups);
        const stop = new AbortController();
        if (batches > 0)
          await indexPendingResponses(t.db, {
            datasetId,
            batchSize: 1,
            signal: stop.signal,
            onProgress: (p) => p.batches >= batches && stop.abort(),
          });
        for (const needle of needles) expect(await allHits(datasetId, needle), needle).toEqual(await byScan(datasetId, needle));
      },
    ),
    { numRuns: 15 },
  );
}, 120_000);

it("finds a response nobody paired, says where, and counts the group's matches", async () => {
  const long = `${"x".repeat(100)} Nadel ${"y".repeat(100)}`;
  const datasetId = await dataset([
    { prompts: ["Wie viele Äpfel?", "多少苹果？"], responses: ["Drei.", "三个。", "Vier Äpfel.", "四个苹果。"] },
    { prompts: ["Eine Frage", "一个问题"], responses: ["Nichts.", "没有。", long] },
  ]);
  const [first, second] = (await q<{ id: number }>(`SELECT id FROM prompt_groups WHERE dataset_id = $1 ORDER BY id`, [datasetId])).map(
    (r) => r.id,
  );
  expect(await searchGroups(t.db, datasetId, "äpfel", 50)).toEqual([
    {
      groupId: first,
      externalId: "g0",
      prompts: 1,
      responses: 1,
      match: { in: "prompt", lang: "de", sample: null, snippet: "Wie viele Äpfel?", cutStart: false, cutEnd: false },
    },
  ]);
  expect(await searchGroups(t.db, datasetId, "nadel", 50)).toEqual([
    {
      groupId: second,
      externalId: "g1",
      prompts: 0,
      responses: 1,
      match: { in: "response", lang: "de", sample: 2, snippet: `${"x".repeat(59)} Nadel ${"y".repeat(59)}`, cutStart: true, cutEnd: true },
    },
  ]);
  expect(await searchGroups(t.db, datasetId, "nothing like this", 50)).toEqual([]);
});
