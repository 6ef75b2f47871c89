import type { PoolClient } from "pg";
import { contentHash } from "@/lib/datasets/insert-groups";
import { deriveResponseFields } from "@/lib/datasets/derive";
import type { GenerateItem } from "./items";

export type Sample = { text: string; finishReason: string | null; promptTokens: number | null; completionTokens: number | null };

/**
 * Inserts an item's new samples with gap-free sample indexes after the stored ones, identical texts
 * included (they are consistency evidence). A retried item never duplicates: it asks only for the
 * samples its model still lacks (items.ts), and one statement writes them all. Returns the count inserted.
 */
export async function insertSamples(
  client: PoolClient,
  datasetId: number,
  runId: number,
  item: GenerateItem,
  model: string,
  params: object,
  samples: Sample[],
): Promise<number> {
  if (samples.length === 0) return 0;
  const derived = samples.map((s) => deriveResponseFields(s.text, item.language, { gold: item.gold }, s.finishReason));
  const res = await client.query(
    `WITH input AS (
       SELECT * FROM unnest($5::text[], $6::bytea[], $7::text[], $8::int[], $9::int[], $10::text[], $11::text[],
                            $14::float8[], $15::text[], $16::text[])
         WITH ORDINALITY AS t(text, hash, finish, pt, ct, detected, answer, share, mix, defect, ord)
     ), base AS (
       SELECT coalesce(max(sample_index) + 1, 0) AS next FROM responses WHERE group_id = $2 AND language = $3
     )
     INSERT INTO responses (dataset_id, group_id, language, sample_index, text, content_hash, char_length, origin, model, params,
                            finish_reason, prompt_tokens, completion_tokens, detected_language, extracted_answer, run_id,
                            target_share, language_mix, defect)
     SELECT $1, $2, $3, base.next + row_number() OVER (ORDER BY ord) - 1, text, hash, char_length(text), 'generated', $4, $12::jsonb,
            finish, pt, ct, detected, answer, $13, share, mix, defect
     FROM input, base`,
    [
      datasetId,
      item.groupId,
      item.language,
      model,
      samples.map((s) => s.text),
      samples.map((s) => contentHash(s.text)),
      samples.map((s) => s.finishReason),
      samples.map((s) => s.promptTokens),
      samples.map((s) => s.completionTokens),
      derived.map((d) => d.detectedLanguage),
      derived.map((d) => d.extractedAnswer),
      JSON.stringify(params),
      runId,
      derived.map((d) => d.targetShare),
      derived.map((d) => d.languageMix),
      derived.map((d) => d.defect),
    ],
  );
  return res.rowCount ?? 0;
}
