// Postgres only: PGlite runs every connection in one session, so transactions cannot interleave.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentHash } from "@/lib/datasets/insert-groups";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-db";
import { indexPendingResponses } from "./index-pending";
import { searchFixture } from "@/lib/testing/search-fixture";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const { q, pending, addDataset, responseRows, insertResponses } = searchFixture(() => t.db);

describe("concurrent drains and inserts", () => {
  it("two drains at once copy every response exactly once", async () => {
    const { datasetId, groupId } = await addDataset("two-drains");
    for (let i = 0; i < 6; i++)
      await insertResponses(
        responseRows(
          datasetId,
          groupId,
          Array.from({ length: 40 }, (_, j) => `r${i}-${j}`),
        ).map((r) => ({ ...r, sample: r.sample + 40 * i })),
      );
    const [a, b] = await Promise.all([
      indexPendingResponses(t.db, { datasetId, batchSize: 9 }),
      indexPendingResponses(t.db, { datasetId, batchSize: 13 }),
    ]);
    expect(a.indexed + b.indexed).toBe(240);
    expect(a.scanned + b.scanned).toBe(240);
    expect(await pending(datasetId)).toEqual([]);
    expect((await q<{ n: number }>(`SELECT count(*)::int AS n FROM response_search_texts WHERE dataset_id = $1`, [datasetId]))[0]!.n).toBe(
      240,
    );
  });

  it("a range passes over ids of a transaction still open; that transaction's own range covers them", async () => {
    const { datasetId, groupId } = await addDataset("open-tx");
    const open = await t.db.pool.connect();
    try {
      await open.query("BEGIN");
      const {
        rows: [late],
      } = await open.query<{ id: number }>(
        `INSERT INTO responses (dataset_id, group_id, language, sample_index, text, content_hash, char_length) VALUES ($1, $2, 'de', 0, 'late', $3, 4) RETURNING id`,
        [datasetId, groupId, contentHash("late")],
      );
      const [after] = await insertResponses(responseRows(datasetId, groupId, ["after"]).map((r) => ({ ...r, sample: 1 })));
      // A range spanning both (as two interleaved imports would write), drained while `late` is uncommitted.
      await q(`INSERT INTO response_search_pending (dataset_id, from_id, to_id) VALUES ($1, $2, $3)`, [datasetId, late!.id, after]);
      await indexPendingResponses(t.db, { datasetId, batchSize: 10 });
      expect(
        (await q<{ response_id: number }>(`SELECT response_id FROM response_search_texts WHERE dataset_id = $1`, [datasetId])).map(
          (r) => r.response_id,
        ),
      ).toEqual([after]);
      expect(await pending(datasetId)).toEqual([]);
      await open.query("COMMIT");
      expect(await pending(datasetId)).toEqual([{ from_id: late!.id, to_id: late!.id }]);
      await indexPendingResponses(t.db, { datasetId, batchSize: 10 });
      expect(
        (
          await q<{ response_id: number }>(`SELECT response_id FROM response_search_texts WHERE dataset_id = $1 ORDER BY 1`, [datasetId])
        ).map((r) => r.response_id),
      ).toEqual([late!.id, after]);
    } finally {
      await open.query("ROLLBACK").catch(() => {});
      open.release();
    }
  });
});
