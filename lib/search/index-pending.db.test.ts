import { finished } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentHash } from "@/lib/datasets/insert-groups";
import { countPairs, listPairs } from "@/lib/pairs/queries";
import { parsePairTableParams } from "@/lib/pairs/table";
import { seedPairsFixture } from "@/lib/testing/pairs-fixture";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { indexPendingResponses, pendingSearchCount } from "./index-pending";
import { searchFixture } from "@/lib/testing/search-fixture";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const { q, pending, addDataset, responseRows, insertResponses, pairsMatchingByScan } = searchFixture(() => t.db);

async function search(datasetId: number, needle: string): Promise<number[]> {
  const f = parsePairTableParams({ q: needle, sort: "id", size: "200" });
  const ids: number[] = [];
  for (let page = await listPairs(t.db, datasetId, f); ; page = await listPairs(t.db, datasetId, { ...f, after: page.next })) {
    ids.push(...page.rows.map((r) => r.id));
    if (!page.next) break;
  }
  expect(await countPairs(t.db, datasetId, f)).toBe(ids.length);
  return ids;
}

/** A word of a paired response that no prompt of the dataset contains (so only the response branch finds it). */
async function responseOnlyWord(datasetId: number): Promise<{ word: string; pairId: number }> {
  const rows = await q<{ id: number; text: string }>(
    `SELECT p.id, r.text FROM pairs p JOIN responses r ON r.id = p.rejected_id WHERE p.dataset_id = $1 AND p.language = 'de' ORDER BY p.id`,
    [datasetId],
  );
  const prompts = (await q<{ text: string }>(`SELECT text FROM prompt_texts WHERE dataset_id = $1`, [datasetId])).map((r) =>
    r.text.toLowerCase(),
  );
  for (const r of rows) {
    const word = r.text.split(/[^\p{L}\p{N}]+/u).find((w) => w.length >= 5 && !prompts.some((p) => p.includes(w.toLowerCase())));
    if (word) return { word, pairId: r.id };
  }
  throw new Error("no response-only word in the fixture");
}

describe("response search index", () => {
  it("an import leaves a pending range that search covers; indexing empties it and search returns the same pairs", async () => {
    const { datasetId } = await seedPairsFixture(t.db, "search-import", 8);
    const responses = await q<{ min: number; max: number; n: number }>(
      `SELECT min(id)::int AS min, max(id)::int AS max, count(*)::int AS n FROM responses WHERE dataset_id = $1`,
      [datasetId],
    );
    const ranges = await pending(datasetId);
    expect(ranges.length).toBeGreaterThan(0);
    expect(Math.min(...ranges.map((r) => r.from_id))).toBe(responses[0]!.min);
    expect(Math.max(...ranges.map((r) => r.to_id))).toBe(responses[0]!.max);
    expect(await pendingSearchCount(t.db, datasetId)).toBeGreaterThanOrEqual(responses[0]!.n);
    expect(await q(`SELECT 1 FROM response_search_texts WHERE dataset_id = $1`, [datasetId])).toEqual([]);

    const { word, pairId } = await responseOnlyWord(datasetId);
    const before = await search(datasetId, word);
    expect(before).toContain(pairId);
    expect(before).toEqual(await pairsMatchingByScan(datasetId, word));

    const done = await indexPendingResponses(t.db, { datasetId, batchSize: 37 });
    expect(done).toMatchObject({ indexed: responses[0]!.n, scanned: responses[0]!.n, remaining: 0, aborted: false });
    expect(done.batches).toBe(Math.ceil(responses[0]!.n / 37));
    expect(await pending(datasetId)).toEqual([]);
    expect(await pendingSearchCount(t.db, datasetId)).toBe(0);
    const copied = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM response_search_texts s JOIN responses r ON r.id = s.response_id
       WHERE s.dataset_id = $1 AND (s.dataset_id, s.group_id, s.language, s.text) = (r.dataset_id, r.group_id, r.language, r.text)`,
      [datasetId],
    );
    expect(copied[0]!.n).toBe(responses[0]!.n);
    expect(await search(datasetId, word)).toEqual(before);
    for (const needle of ["e", word.slice(1, 4).toUpperCase(), "%_%", "no such text"])
      expect(await search(datasetId, needle)).toEqual(await pairsMatchingByScan(datasetId, needle));
  }, 120_000);

  it("the trigger lists one range per dataset of a statement that inserts into several", async () => {
    const a = await addDataset("multi-a");
    const b = await addDataset("multi-b");
    const rows = [...responseRows(a.datasetId, a.groupId, ["a1", "a2", "a3"]), ...responseRows(b.datasetId, b.groupId, ["b1", "b2"])];
    const interleaved = [rows[0]!, rows[3]!, rows[1]!, rows[4]!, rows[2]!];
    const ids = await insertResponses(interleaved);
    const byDataset = (d: number) => ids.filter((_, i) => interleaved[i]!.datasetId === d);
    expect(await pending(a.datasetId)).toEqual([
      { from_id: Math.min(...byDataset(a.datasetId)), to_id: Math.max(...byDataset(a.datasetId)) },
    ]);
    expect(await pending(b.datasetId)).toEqual([
      { from_id: Math.min(...byDataset(b.datasetId)), to_id: Math.max(...byDataset(b.datasetId)) },
    ]);
    // A statement that inserts nothing (every text already there) lists nothing.
    await q(
      `INSERT INTO responses (dataset_id, group_id, language, sample_index, text, content_hash, char_length)
             SELECT dataset_id, group_id, language, sample_index, text, content_hash, char_length FROM responses WHERE dataset_id = $1 ON CONFLICT DO NOTHING`,
      [a.datasetId],
    );
    expect(await pending(a.datasetId)).toHaveLength(1);

    // Draining one dataset leaves the other's ranges alone.
    await indexPendingResponses(t.db, { datasetId: a.datasetId, batchSize: 2 });
    expect(await pending(a.datasetId)).toEqual([]);
    expect(await pending(b.datasetId)).toHaveLength(1);
    expect(
      (
        await q<{ response_id: number }>(`SELECT response_id FROM response_search_texts WHERE dataset_id = $1 ORDER BY 1`, [a.datasetId])
      ).map((r) => r.response_id),
    ).toEqual(byDataset(a.datasetId));
    await indexPendingResponses(t.db, { batchSize: 1 });
    expect(await pending(b.datasetId)).toEqual([]);
  });

  it("COPY into responses lists its range too", async () => {
    const { datasetId, groupId } = await addDataset("copy");
    const texts = ["eins", "zwei\tmit tab", "drei"];
    const client = await t.db.pool.connect();
    try {
      const { rows } = await client.query<{ v: string }>(`SELECT version() AS v`);
      if (rows[0]!.v.includes("PGlite")) return; // no COPY over PGlite's socket
      const stream = client.query(
        copyFrom(`COPY responses (dataset_id, group_id, language, sample_index, text, content_hash, char_length) FROM STDIN`),
      );
      stream.end(
        texts
          .map(
            (x, i) =>
              `${datasetId}\t${groupId}\tde\t${i}\t${x.replace("\t", "\\t")}\t\\\\x${contentHash(x).toString("hex")}\t${x.length}\n`,
          )
          .join(""),
      );
      await finished(stream);
    } finally {
      client.release();
    }
    const ids = (await q<{ id: number }>(`SELECT id FROM responses WHERE dataset_id = $1 ORDER BY id`, [datasetId])).map((r) => r.id);
    expect(ids).toHaveLength(3);
    expect(await pending(datasetId)).toEqual([{ from_id: ids[0], to_id: ids[2] }]);
  });

  it("a stopped drain loses and duplicates nothing; the next one finishes", async () => {
    const { datasetId, groupId } = await addDataset("stopped");
    const ids = await insertResponses(
      responseRows(
        datasetId,
        groupId,
        Array.from({ length: 50 }, (_, i) => `text ${i}`),
      ),
    );
    const stop = new AbortController();
    const first = await indexPendingResponses(t.db, {
      datasetId,
      batchSize: 7,
      signal: stop.signal,
      onProgress: (p) => p.batches === 3 && stop.abort(),
    });
    expect(first).toMatchObject({ indexed: 21, batches: 3, remaining: 29, aborted: true });
    expect(await pending(datasetId)).toEqual([{ from_id: ids[21], to_id: ids[49] }]);
    // A batch that fails rolls back whole: simulate a copy that already happened (ON CONFLICT skips it).
    await q(`INSERT INTO response_search_texts SELECT id, dataset_id, group_id, language, text FROM responses WHERE id = $1`, [ids[30]]);
    const second = await indexPendingResponses(t.db, { datasetId, batchSize: 100 });
    expect(second).toMatchObject({ indexed: 28, scanned: 29, remaining: 0 });
    expect((await q<{ n: number }>(`SELECT count(*)::int AS n FROM response_search_texts WHERE dataset_id = $1`, [datasetId]))[0]!.n).toBe(
      50,
    );
  });

  it("deleting a dataset, or a response, takes its search rows and ranges with it", async () => {
    const { datasetId, groupId } = await addDataset("deleted");
    const ids = await insertResponses(responseRows(datasetId, groupId, ["x1", "x2", "x3", "x4"]));
    await indexPendingResponses(t.db, { datasetId, batchSize: 2, onProgress: () => {} });
    await insertResponses(responseRows(datasetId, groupId, ["x5"]).map((r) => ({ ...r, sample: 9 })));
    await q(`DELETE FROM responses WHERE id = $1`, [ids[0]]);
    expect((await q(`SELECT response_id FROM response_search_texts WHERE dataset_id = $1`, [datasetId])).length).toBe(3);
    expect(await pending(datasetId)).toHaveLength(1);
    await q(`DELETE FROM datasets WHERE id = $1`, [datasetId]);
    expect(await q(`SELECT 1 FROM response_search_texts WHERE dataset_id = $1`, [datasetId])).toEqual([]);
    expect(await pending(datasetId)).toEqual([]);
  });
});
