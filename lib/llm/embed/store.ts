import type { Pool } from "pg";
import { execute, queryTrusted, sql } from "@/lib/db/sql";
import type { Chunk } from "@/lib/jobs/chunks";
import type { RunScope } from "@/lib/llm/providers/run-loop";
import { answerText, float32ToBytes } from "@/lib/pipeline";

export type TextToEmbed = { hash: Buffer; text: string };

/** Distinct non-empty response texts of a group range that have no vector for `model` yet, as answers (reasoning removed). */
export async function textsMissingVectors(
  pool: Pool,
  { datasetId, model, languages }: RunScope,
  { fromGroupId, toGroupId }: Pick<Chunk, "fromGroupId" | "toGroupId">,
): Promise<TextToEmbed[]> {
  const rows = await queryTrusted<{ content_hash: Buffer; text: string }>(
    pool,
    sql`SELECT DISTINCT ON (r.content_hash) r.content_hash, r.text FROM responses r
     WHERE r.dataset_id = ${datasetId} AND r.group_id BETWEEN ${fromGroupId} AND ${toGroupId}
       AND (${languages}::text[] IS NULL OR r.language = ANY(${languages}::text[]))
       AND btrim(r.text) <> ''
       AND NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.dataset_id = ${datasetId} AND e.model = ${model} AND e.content_hash = r.content_hash)
     ORDER BY r.content_hash`,
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
  const hashes = items.map((i) => i.hash);
  const dims = vectors.map((v) => v.length);
  const bytes = vectors.map((v) => Buffer.from(float32ToBytes(v)));
  return execute(
    pool,
    sql`INSERT INTO embeddings (dataset_id, model, content_hash, dim, vector)
     SELECT ${datasetId}, ${model}, h, d, v FROM unnest(${hashes}::bytea[], ${dims}::int[], ${bytes}::bytea[]) AS t(h, d, v)
     ON CONFLICT DO NOTHING`,
  );
}
