import { z } from "zod";
import { getDatabase, type Database } from "@/lib/db/client";
import { getDatasetBySlug } from "@/lib/datasets/queries";
import { AppError } from "@/lib/errors";

export const GUIDELINES_MAX_CHARS = 20_000;

export const ZGuidelines = z.object({
  slug: z.string(),
  /** Markdown; rendered with the sanitized model-output renderer, never as HTML. */
  guidelines: z.string().max(GUIDELINES_MAX_CHARS, `guidelines: at most ${GUIDELINES_MAX_CHARS} characters`),
});

/** Replaces a dataset's review guidelines and audits the change (old and new text), atomically. */
export async function updateGuidelines(db: Database, datasetId: number, markdown: string, userId: number | null = null): Promise<{ guidelines: string }> {
  const text = markdown.replace(/\r\n?/g, "\n").trim();
  if (text.length > GUIDELINES_MAX_CHARS) throw new AppError("BAD_INPUT", `guidelines: at most ${GUIDELINES_MAX_CHARS} characters (got ${text.length})`);
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    const before = await client.query<{ guidelines: string }>(`SELECT guidelines FROM datasets WHERE id = $1 FOR UPDATE`, [datasetId]);
    if (!before.rows[0]) throw new AppError("NOT_FOUND", `No dataset ${datasetId}.`);
    await client.query(`UPDATE datasets SET guidelines = $2, updated_at = now() WHERE id = $1`, [datasetId, text]);
    await client.query(
      `INSERT INTO audit_events (dataset_id, user_id, action, entity, entity_id, data) VALUES ($1, $2, 'dataset.guidelines', 'dataset', $3, $4)`,
      [datasetId, userId, String(datasetId), JSON.stringify({ before: before.rows[0].guidelines, after: text })],
    );
    await client.query("COMMIT");
    return { guidelines: text };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

export async function updateGuidelinesInDataset(input: z.infer<typeof ZGuidelines>, userId: number | null = null): Promise<{ guidelines: string }> {
  const [db, dataset] = await Promise.all([getDatabase(), getDatasetBySlug(input.slug)]);
  return updateGuidelines(db, dataset.id, input.guidelines, userId);
}
