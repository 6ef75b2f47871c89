import type { PoolClient } from "pg";
import { execute, sql } from "@/lib/db/sql";
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
  return execute(
    client,
    sql`WITH input AS (
       SELECT * FROM unnest(${samples.map((s) => s.text)}::text[], ${samples.map((s) => contentHash(s.text))}::bytea[],
                            ${samples.map((s) => s.finishReason)}::text[], ${samples.map((s) => s.promptTokens)}::int[],
                            ${samples.map((s) => s.completionTokens)}::int[], ${derived.map((d) => d.detectedLanguage)}::text[],
                            ${derived.map((d) => d.extractedAnswer)}::text[], ${derived.map((d) => d.targetShare)}::float8[],
                            ${derived.map((d) => d.languageMix)}::text[], ${derived.map((d) => d.defect)}::text[])
         WITH ORDINALITY AS t(text, hash, finish, pt, ct, detected, answer, share, mix, defect, ord)
     ), base AS (
       SELECT coalesce(max(sample_index) + 1, 0) AS next FROM responses WHERE group_id = ${item.groupId} AND language = ${item.language}
     )
     INSERT INTO responses (dataset_id, group_id, language, sample_index, text, content_hash, char_length, origin, model, params,
                            finish_reason, prompt_tokens, completion_tokens, detected_language, extracted_answer, run_id,
                            target_share, language_mix, defect)
     SELECT ${datasetId}, ${item.groupId}, ${item.language}, base.next + row_number() OVER (ORDER BY ord) - 1, text, hash,
            char_length(text), 'generated', ${model}, ${JSON.stringify(params)}::jsonb,
            finish, pt, ct, detected, answer, ${runId}, share, mix, defect
     FROM input, base`,
  );
}
