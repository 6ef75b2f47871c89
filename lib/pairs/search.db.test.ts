import fc from "fast-check";
import { expect, it } from "vitest";
import { indexPendingResponses } from "@/lib/search/index-pending";
import { searchFixture } from "@/lib/testing/search-fixture";
import { databaseForThisFile } from "@/lib/testing/test-db";
import { countPairs, listPairs } from "./queries";
import { parsePairTableParams } from "./table";

// The pairs table's search must return exactly the pairs whose prompt in the pair's own language
// or chosen/rejected response contains the term, whatever share of the responses the search index
// (lib/search) has copied so far: checked against ILIKE straight over the base tables after random
// interleavings of imports (several datasets in one statement, interleaved ids), partial drains with
// random batch sizes, and reviewers pointing pairs at other responses.

const t = databaseForThisFile();

const LANGS = ["de", "zh"] as const;
const text = fc
  .array(fc.constantFrom("a", "b", "c", "A", "é", "É", "ß", "字", " ", "%", "_", "\\"), { maxLength: 10 })
  .map((cs) => cs.join(""));
const term = fc
  .array(fc.constantFrom("a", "b", "B", "é", "É", "ß", "字", " ", "%", "_", "\\"), { minLength: 1, maxLength: 3 })
  .map((cs) => cs.join(""))
  .filter((s) => s.trim() !== "");

type Group = { prompts: string[]; responses: string[][]; chosen: number; rejected: number | null };
const group = fc.record({
  prompts: fc.tuple(text, text),
  responses: fc.tuple(fc.array(text, { minLength: 1, maxLength: 4 }), fc.array(text, { minLength: 1, maxLength: 4 })),
  chosen: fc.nat(3),
  rejected: fc.option(fc.nat(3)),
});

type Op =
  | { kind: "import"; main: Group[]; other: Group[] }
  | { kind: "index"; batchSize: number; batches: number; all: boolean }
  | { kind: "repoint"; pick: number; to: number }
  | { kind: "search"; terms: string[] };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("import" as const),
    main: fc.array(group, { minLength: 1, maxLength: 3 }),
    other: fc.array(group, { maxLength: 2 }),
  }),
  fc.record({
    kind: fc.constant("index" as const),
    batchSize: fc.integer({ min: 1, max: 12 }),
    batches: fc.integer({ min: 1, max: 4 }),
    all: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("repoint" as const), pick: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant("search" as const), terms: fc.array(term, { minLength: 1, maxLength: 3 }) }),
);

const { q, insertResponses, pairsMatchingByScan } = searchFixture(() => t.db);

let serial = 0;

/** Groups of two datasets written like an import: one INSERT per table, both datasets' responses in one statement. */
async function importGroups(batches: Array<{ datasetId: number; groups: Group[] }>): Promise<void> {
  const entries = batches.flatMap((b) => b.groups.map((g) => ({ datasetId: b.datasetId, g, external: `g${serial++}` })));
  if (entries.length === 0) return;
  const ids = await q<{ id: number }>(
    `INSERT INTO prompt_groups (dataset_id, external_id) SELECT d, e FROM unnest($1::int[], $2::text[]) WITH ORDINALITY u(d, e, o) ORDER BY o RETURNING id`,
    [entries.map((e) => e.datasetId), entries.map((e) => e.external)],
  ).then((rows) => rows.map((r) => r.id));
  const prompts = entries.flatMap((e, i) => LANGS.map((l, j) => [e.datasetId, ids[i]!, l, e.g.prompts[j]!] as const));
  await q(
    `INSERT INTO prompt_texts (dataset_id, group_id, language, text) SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[])`,
    [0, 1, 2, 3].map((c) => prompts.map((p) => p[c])),
  );
  // Round-robin over the entries, so the two datasets' ids interleave within the statement.
  const rows: Parameters<typeof insertResponses>[0] = [];
  for (let k = 0; k < 4; k++) {
    entries.forEach((e, i) =>
      LANGS.forEach((language, j) => {
        const x = e.g.responses[j]![k];
        if (x !== undefined) rows.push({ datasetId: e.datasetId, groupId: ids[i]!, language, sample: k, text: `${x}#${k}` });
      }),
    );
  }
  await insertResponses(rows);
  await q(
    `INSERT INTO pairs (dataset_id, group_id, language, chosen_id, rejected_id)
     SELECT u.d, u.g, u.l,
            (SELECT id FROM responses r WHERE r.group_id = u.g AND r.language = u.l ORDER BY sample_index OFFSET u.c % (SELECT count(*) FROM responses r2 WHERE r2.group_id = u.g AND r2.language = u.l) LIMIT 1),
            CASE WHEN u.rj IS NOT NULL THEN
              (SELECT id FROM responses r WHERE r.group_id = u.g AND r.language = u.l ORDER BY sample_index OFFSET u.rj % (SELECT count(*) FROM responses r2 WHERE r2.group_id = u.g AND r2.language = u.l) LIMIT 1) END
     FROM unnest($1::int[], $2::int[], $3::text[], $4::int[], $5::int[]) AS u(d, g, l, c, rj)`,
    (() => {
      const p = entries.flatMap((e, i) => LANGS.map((l) => [e.datasetId, ids[i]!, l, e.g.chosen, e.g.rejected] as const));
      return [p.map((x) => x[0]), p.map((x) => x[1]), p.map((x) => x[2]), p.map((x) => x[3]), p.map((x) => x[4])];
    })(),
  );
}

/** The pairs page counts with a cap (cap + 1 = "more than cap"). */
const CAP = 3;

async function search(datasetId: number, needle: string): Promise<{ ids: number[]; count: number; capped: number }> {
  const f = parsePairTableParams({ q: needle, sort: "id", size: "200" });
  const ids: number[] = [];
  for (let page = await listPairs(t.db, datasetId, f); ; page = await listPairs(t.db, datasetId, { ...f, after: page.next })) {
    ids.push(...page.rows.map((r) => r.id));
    if (!page.next) break;
  }
  return { ids, count: await countPairs(t.db, datasetId, f), capped: await countPairs(t.db, datasetId, f, CAP) };
}

async function expectSearchExact(datasetId: number, terms: string[]) {
  for (const needle of terms) {
    const expected = await pairsMatchingByScan(datasetId, needle);
    expect(await search(datasetId, needle), JSON.stringify(needle)).toEqual({
      ids: expected,
      count: expected.length,
      capped: Math.min(expected.length, CAP + 1),
    });
  }
}

it("search equals ILIKE over prompts and paired responses after any interleaving of imports, partial indexing and re-pointed pairs", async () => {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(op, { minLength: 1, maxLength: 8 }),
      fc.array(term, { minLength: 2, maxLength: 3 }),
      async (ops, finalTerms) => {
        run++;
        const [main, other] = await Promise.all(
          ["main", "other"].map(
            async (s) =>
              (
                await q<{ id: number }>(`INSERT INTO datasets (slug, name, updated_at) VALUES ($1, $1, now()) RETURNING id`, [
                  `${s}-${run}`,
                ])
              )[0]!.id,
          ),
        );
        for (const o of ops) {
          if (o.kind === "import")
            await importGroups([
              { datasetId: main!, groups: o.main },
              { datasetId: other!, groups: o.other },
            ]);
          if (o.kind === "index") {
            const stop = new AbortController();
            await indexPendingResponses(t.db, {
              datasetId: o.all ? undefined : main,
              batchSize: o.batchSize,
              signal: stop.signal,
              onProgress: (p) => p.batches >= o.batches && stop.abort(),
            });
          }
          if (o.kind === "repoint") {
            const pairs = await q<{ id: number; group_id: number; language: string }>(
              `SELECT id, group_id, language FROM pairs WHERE dataset_id = $1 ORDER BY id`,
              [main],
            );
            const pair = pairs[o.pick % Math.max(1, pairs.length)];
            if (pair) {
              const options = await q<{ id: number }>(`SELECT id FROM responses WHERE group_id = $1 AND language = $2 ORDER BY id`, [
                pair.group_id,
                pair.language,
              ]);
              await q(`UPDATE pairs SET chosen_id = $2 WHERE id = $1`, [pair.id, options[o.to % options.length]!.id]);
            }
          }
          if (o.kind === "search") await expectSearchExact(main!, o.terms);
        }
        await expectSearchExact(main!, finalTerms);
        await indexPendingResponses(t.db, { batchSize: 50 });
        expect(await q(`SELECT 1 FROM response_search_pending WHERE dataset_id IN ($1, $2)`, [main, other])).toEqual([]);
        await expectSearchExact(main!, finalTerms);
      },
    ),
    { numRuns: 20 },
  );
}, 240_000);

it("says where each result matched, with the text around the term", async () => {
  const [datasetId] = (
    await q<{ id: number }>(`INSERT INTO datasets (slug, name, updated_at) VALUES ('where', 'where', now()) RETURNING id`)
  ).map((r) => r.id);
  const long = `${"x".repeat(100)} Needle ${"y".repeat(100)}`;
  await importGroups([
    {
      datasetId: datasetId!,
      groups: [
        {
          prompts: ["Wie viele Äpfel?", "多少苹果？"],
          responses: [
            ["Drei Äpfel.", "Vier."],
            ["三个。", "四个。"],
          ],
          chosen: 0,
          rejected: 1,
        },
        {
          prompts: ["Eine Frage", "一个问题"],
          responses: [
            ["Nichts.", long],
            ["没有。", "有。"],
          ],
          chosen: 0,
          rejected: 1,
        },
      ],
    },
  ]);
  const matches = async (needle: string) =>
    (await listPairs(t.db, datasetId!, parsePairTableParams({ q: needle, sort: "id" }))).rows.map((r) => [
      r.externalId,
      r.language,
      r.match,
    ]);
  const [first, second] = (
    await q<{ external_id: string }>(`SELECT external_id FROM prompt_groups WHERE dataset_id = $1 ORDER BY id`, [datasetId])
  ).map((r) => r.external_id);
  expect(await matches("ÄPFEL")).toEqual([[first, "de", { in: "prompt", snippet: "Wie viele Äpfel?", cutStart: false, cutEnd: false }]]);
  // A hit in the German prompt is not a hit of the Chinese pair, and the other way round.
  expect(await matches("苹果")).toEqual([[first, "zh", { in: "prompt", snippet: "多少苹果？", cutStart: false, cutEnd: false }]]);
  expect(await matches("vier")).toEqual([[first, "de", { in: "rejected", snippet: "Vier.#1", cutStart: false, cutEnd: false }]]);
  expect(await matches("needle")).toEqual([
    [second, "de", { in: "rejected", snippet: `${"x".repeat(59)} Needle ${"y".repeat(59)}`, cutStart: true, cutEnd: true }],
  ]);
  expect((await listPairs(t.db, datasetId!, parsePairTableParams({ sort: "id" }))).rows.every((r) => r.match === null)).toBe(true);
});
