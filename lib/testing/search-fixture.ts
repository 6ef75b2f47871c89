import type { Database } from "@/lib/db/client";
import { contentHash } from "@/lib/datasets/insert-groups";

/** Raw-SQL helpers shared by the search index tests (the database is read lazily, after beforeAll). */
export function searchFixture(db: () => Database) {
  const q = async <R extends object = Record<string, unknown>>(sql: string, values: unknown[] = []) =>
    (await db().pool.query<R>(sql, values)).rows;

  async function pending(datasetId: number) {
    return q<{ from_id: number; to_id: number }>(`SELECT from_id, to_id FROM response_search_pending WHERE dataset_id = $1 ORDER BY id`, [
      datasetId,
    ]);
  }

  async function addDataset(slug: string): Promise<{ datasetId: number; groupId: number }> {
    const [d] = await q<{ id: number }>(`INSERT INTO datasets (slug, name, updated_at) VALUES ($1, $1, now()) RETURNING id`, [slug]);
    const [g] = await q<{ id: number }>(`INSERT INTO prompt_groups (dataset_id, external_id) VALUES ($1, 'g1') RETURNING id`, [d!.id]);
    return { datasetId: d!.id, groupId: g!.id };
  }

  function responseRows(datasetId: number, groupId: number, texts: string[]) {
    return texts.map((text, i) => ({ datasetId, groupId, language: "de", sample: i, text }));
  }

  type Row = ReturnType<typeof responseRows>[number];

  /** One INSERT statement for all the rows, whatever their datasets. */
  async function insertResponses(rows: Row[]): Promise<number[]> {
    const res = await q<{ id: number }>(
      `INSERT INTO responses (dataset_id, group_id, language, sample_index, text, content_hash, char_length)
       SELECT d, g, l, s, x, h, length(x) FROM unnest($1::int[], $2::int[], $3::text[], $4::int[], $5::text[], $6::bytea[]) AS u(d, g, l, s, x, h)
       RETURNING id`,
      [
        rows.map((r) => r.datasetId),
        rows.map((r) => r.groupId),
        rows.map((r) => r.language),
        rows.map((r) => r.sample),
        rows.map((r) => r.text),
        rows.map((r) => contentHash(r.text)),
      ],
    );
    return res.map((r) => r.id);
  }

  /** Pair ids whose prompt (in the pair's language) or paired response contains `needle`, by ILIKE straight over the base tables. */
  async function pairsMatchingByScan(datasetId: number, needle: string): Promise<number[]> {
    const like = `%${needle.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await q<{ id: number }>(
      `SELECT p.id FROM pairs p WHERE p.dataset_id = $1 AND (
         EXISTS (SELECT 1 FROM prompt_texts pt WHERE pt.group_id = p.group_id AND pt.language = p.language AND pt.text ILIKE $2)
         OR EXISTS (SELECT 1 FROM responses r WHERE r.id IN (p.chosen_id, p.rejected_id) AND r.text ILIKE $2))
       ORDER BY p.id`,
      [datasetId, like],
    );
    return rows.map((r) => r.id);
  }

  /** A dataset with one group and `n` German responses "<slug> 0" … "<slug> n−1"; returns its id. */
  async function datasetWithResponses(slug: string, n: number): Promise<number> {
    const { datasetId, groupId } = await addDataset(slug);
    await insertResponses(
      responseRows(
        datasetId,
        groupId,
        Array.from({ length: n }, (_, i) => `${slug} ${i}`),
      ),
    );
    return datasetId;
  }

  return { q, pending, addDataset, responseRows, insertResponses, datasetWithResponses, pairsMatchingByScan };
}
