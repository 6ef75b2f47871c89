import { z } from "zod";
import { execute, queryMaybeOne, queryOne, sql } from "@/lib/db/sql";
import { deriveResponseFields } from "@/lib/datasets/derive";
import { contentHash } from "@/lib/datasets/insert-groups";
import { AppError } from "@/lib/errors";
import { correctionUseCase } from "./apply-correction";
import type { TEditReference } from "./schemas";

/**
 * Replaces the reference by an edited text: stores it as a new pivot-language response (origin
 * `edited`; an identical text already in the group is reused) and recomputes the group's pairs.
 */
export const editReference = correctionUseCase<TEditReference>(async (ctx, input, datasetId) => {
  const { client, pivot } = ctx;
  const gold = await queryMaybeOne(
    client,
    sql`SELECT gold FROM prompt_groups WHERE id = ${input.groupId}`,
    z.object({ gold: z.string().nullable() }),
  );
  const derived = deriveResponseFields(input.text, pivot, { gold: gold?.gold ?? null });
  const hash = contentHash(input.text);
  await execute(
    client,
    sql`INSERT INTO responses (dataset_id, group_id, language, sample_index, text, content_hash, char_length, origin,
                            detected_language, extracted_answer, target_share, language_mix, defect)
     SELECT ${datasetId}, ${input.groupId}, ${pivot}, coalesce(max(sample_index) + 1, 0), ${input.text}, ${hash},
            ${[...input.text].length}, 'edited', ${derived.detectedLanguage}, ${derived.extractedAnswer},
            ${derived.targetShare}, ${derived.languageMix}, ${derived.defect}
     FROM responses WHERE group_id = ${input.groupId} AND language = ${pivot}
     HAVING NOT bool_or(content_hash = ${hash}) OR count(*) = 0`,
  );
  const { id: responseId } = await queryOne(
    client,
    sql`SELECT id FROM responses WHERE group_id = ${input.groupId} AND language = ${pivot} AND content_hash = ${hash} ORDER BY sample_index, id LIMIT 1`,
    z.object({ id: z.number() }),
  );
  if (responseId === ctx.current.responseId) throw new AppError("BAD_INPUT", "The text is the reference's text already.");
  return { kind: "edit", responseId, reason: input.reason };
});
