import type { Database } from "@/lib/db/client";
import { execute, sql } from "@/lib/db/sql";
import { embedderFor } from "@/lib/llm/embed/resolve";
import { answerText, float32ToBytes, hashedEmbedderModel, type GroupInput } from "@/lib/pipeline";

export const OFFLINE_EMBEDDING_MODEL = hashedEmbedderModel();

/**
 * Embeds the candidates that have no vector of `model` yet (offline or through the configured
 * endpoint) and stores them per content hash, so a later run or a reference edit embeds nothing twice.
 * A vector is the answer's: a reasoning trace is not embedded.
 */
export async function embedMissing(db: Database, datasetId: number, model: string, groups: GroupInput[]): Promise<number> {
  const missing = groups.flatMap((g) => g.candidates.filter((c) => c.vector === null && answerText(c.text).trim() !== ""));
  if (missing.length === 0) return 0;
  const { embedder } = await embedderFor(db, model);
  const vectors = await embedder.embed(missing.map((c) => answerText(c.text)));
  missing.forEach((c, i) => (c.vector = vectors[i] ?? null));
  const ids = missing.map((c) => Number(c.id));
  const bytes = vectors.map((v) => Buffer.from(float32ToBytes(v)));
  await execute(
    db.pool,
    sql`INSERT INTO embeddings (dataset_id, model, content_hash, dim, vector)
     SELECT ${datasetId}, ${model}, r.content_hash, length(v.vector) / 4, v.vector
     FROM unnest(${ids}::int[], ${bytes}::bytea[]) AS v(id, vector) JOIN responses r ON r.id = v.id
     ON CONFLICT DO NOTHING`,
  );
  return missing.length;
}
