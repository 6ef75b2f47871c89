import type { PoolClient } from "pg";
import { float32ToBytes, hashedEmbedderModel, hashedEmbedding, type GroupInput } from "@/lib/pipeline";
import { AppError } from "@/lib/errors";

export const OFFLINE_EMBEDDING_MODEL = hashedEmbedderModel();

/**
 * Fills in vectors the `embedding` scorer needs. The offline embedder computes them here and stores
 * them (so a re-score after a reference edit embeds one text); other models must be embedded first.
 */
export async function embedMissing(client: PoolClient, datasetId: number, model: string, groups: GroupInput[]): Promise<number> {
  const missing = groups.flatMap((g) => g.candidates.filter((c) => c.vector === null && c.text.trim() !== ""));
  if (missing.length === 0) return 0;
  if (model !== OFFLINE_EMBEDDING_MODEL) {
    throw new AppError("BAD_INPUT", `${missing.length} responses have no "${model}" embedding; run an embed run first.`);
  }
  const ids: number[] = [];
  const vectors: Buffer[] = [];
  for (const c of missing) {
    c.vector = hashedEmbedding(c.text);
    ids.push(Number(c.id));
    vectors.push(Buffer.from(float32ToBytes(c.vector)));
  }
  await client.query(
    `INSERT INTO embeddings (dataset_id, model, content_hash, dim, vector)
     SELECT $1, $2, r.content_hash, $3, v.vector
     FROM unnest($4::int[], $5::bytea[]) AS v(id, vector) JOIN responses r ON r.id = v.id
     ON CONFLICT DO NOTHING`,
    [datasetId, model, missing[0]?.vector?.length ?? 0, ids, vectors],
  );
  return missing.length;
}
