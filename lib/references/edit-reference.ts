import type { Database } from "@/lib/db/client";
import { deriveResponseFields } from "@/lib/datasets/derive";
import { contentHash } from "@/lib/datasets/insert-groups";
import { AppError } from "@/lib/errors";
import { applyCorrection, withGroupLock, type CorrectionRecord } from "./apply-correction";
import type { TEditReference } from "./schemas";

/**
 * Replaces the reference by an edited text: stores it as a new pivot-language response (origin
 * `edited`; an identical text already in the group is reused) and recomputes the group's pairs.
 */
export async function editReference(
  db: Database,
  datasetId: number,
  input: TEditReference,
  userId: number | null = null,
): Promise<CorrectionRecord> {
  return withGroupLock(db, datasetId, input.groupId, async (ctx) => {
    const { client, pivot } = ctx;
    const gold = await client.query<{ gold: string | null }>(`SELECT gold FROM prompt_groups WHERE id = $1`, [input.groupId]);
    const derived = deriveResponseFields(input.text, pivot, { gold: gold.rows[0]?.gold ?? null });
    const hash = contentHash(input.text);
    await client.query(
      `INSERT INTO responses (dataset_id, group_id, language, sample_index, text, content_hash, char_length, origin,
                              detected_language, extracted_answer, target_share, language_mix, defect)
       SELECT $1, $2, $3, coalesce(max(sample_index) + 1, 0), $4, $5, $6, 'edited', $7, $8, $9, $10, $11
       FROM responses WHERE group_id = $2 AND language = $3
       HAVING NOT bool_or(content_hash = $5) OR count(*) = 0`,
      [
        datasetId,
        input.groupId,
        pivot,
        input.text,
        hash,
        [...input.text].length,
        derived.detectedLanguage,
        derived.extractedAnswer,
        derived.targetShare,
        derived.languageMix,
        derived.defect,
      ],
    );
    const { rows } = await client.query<{ id: number }>(
      `SELECT id FROM responses WHERE group_id = $1 AND language = $2 AND content_hash = $3 ORDER BY sample_index, id LIMIT 1`,
      [input.groupId, pivot, hash],
    );
    const responseId = rows[0]!.id;
    if (responseId === ctx.current.responseId) throw new AppError("BAD_INPUT", "The text is the reference's text already.");
    return applyCorrection(ctx, datasetId, input.groupId, { kind: "edit", responseId, reason: input.reason }, userId);
  });
}
