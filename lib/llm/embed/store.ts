import type { Pool } from "pg";
import { answerText, float32ToBytes } from "@/lib/pipeline";

export type TextToEmbed = { hash: Buffer; text: string };

/** Distinct non-empty response texts of a group range that have no vector for `model` yet, as answers (reasoning removed). */
export async function textsMissingVectors(
  pool: Pool,
  datasetId: number,
  model: string,
  fromGroupId: number,
  toGroupId: number,
  languages: string[] | null,
): Promise<TextToEmbed[]> {
  const { rows } = await pool.query<{ content_hash: Buffer; text: string }>(
    `SELECT DISTINCT ON (r.content_hash) r.content_hash, r.text FROM responses r
     WHERE r.dataset_id = $1 AND r.group_id BETWEEN $3 AND $4 AND ($5::text[] IS NULL OR r.language = ANY($5))
       AND btrim(r.text) <> ''
       AND NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.dataset_id = $1 AND e.model = $2 AND e.content_hash = r.content_hash)
     ORDER BY r.content_hash`,
    [datasetId, model, fromGroupId, toGroupId, languages],
  );
  return rows.map((r) => ({ hash: r.content_hash, text: answerText(r.text) })).filter((r) => r.text.trim() !== "");
}

/** Stores vectors as little-endian float32 bytes; a vector another worker stored first is kept. */
export async function storeVectors(
  pool: Pool,
  datasetId: number,
  model: string,
  items: TextToEmbed[],
  vectors: Float32Array[],
): Promise<number> {
  if (items.length === 0) return 0;
  const res = await pool.query(
    `INSERT INTO embeddings (dataset_id, model, content_hash, dim, vector)
     SELECT $1, $2, h, d, v FROM unnest($3::bytea[], $4::int[], $5::bytea[]) AS t(h, d, v)
     ON CONFLICT DO NOTHING`,
    [datasetId, model, items.map((i) => i.hash), vectors.map((v) => v.length), vectors.map((v) => Buffer.from(float32ToBytes(v)))],
  );
  return res.rowCount ?? 0;
}
