import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { execute, queryMaybeOne, sql } from "@/lib/db/sql";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";

export const GUIDELINES_MAX_CHARS = 20_000;

export const ZGuidelines = z.object({
  slug: z.string(),
  /** Markdown; rendered with the sanitized model-output renderer, never as HTML. */
  guidelines: z.string().max(GUIDELINES_MAX_CHARS, `guidelines: at most ${GUIDELINES_MAX_CHARS} characters`),
});

/** Replaces a dataset's review guidelines and audits the change (old and new text), atomically. */
export async function updateGuidelines(
  db: Database,
  datasetId: number,
  markdown: string,
  userId: number | null = null,
): Promise<{ guidelines: string }> {
  const text = markdown.replace(/\r\n?/g, "\n").trim();
  if (text.length > GUIDELINES_MAX_CHARS)
    throw new AppError("BAD_INPUT", `guidelines: at most ${GUIDELINES_MAX_CHARS} characters (got ${text.length})`);
  return withTransaction(db, async (tx) => {
    const before = await queryMaybeOne(
      tx,
      sql`SELECT guidelines FROM datasets WHERE id = ${datasetId} FOR UPDATE`,
      z.object({ guidelines: z.string() }),
    );
    if (!before) throw new AppError("NOT_FOUND", `No dataset ${datasetId}.`);
    await execute(tx, sql`UPDATE datasets SET guidelines = ${text}, updated_at = now() WHERE id = ${datasetId}`);
    await recordAuditEvent(tx, {
      datasetId,
      userId,
      action: "dataset.guidelines",
      entity: "dataset",
      entityId: datasetId,
      data: { before: before.guidelines, after: text },
    });
    return { guidelines: text };
  });
}
