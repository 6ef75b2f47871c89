import { createHash } from "node:crypto";
import type { Pool } from "pg";
import { execute, queryTrusted, sql } from "@/lib/db/sql";

export type LoadResponse = {
  lang: string;
  sampleIndex: number;
  text: string;
  model?: string | null;
  params?: Record<string, unknown> | null;
};

export type LoadGroup = {
  externalId: string;
  gold: string | null;
  meta: Record<string, unknown>;
  prompts: Array<{ lang: string; text: string; machineTranslated?: boolean }>;
  responses: LoadResponse[];
};

export type Derived = import("@/lib/pipeline/response-checks").ResponseChecks;
export type DeriveFields = (text: string, lang: string, group: { gold: string | null }) => Derived;

export type LoadCounts = { groups: number; prompts: number; responses: number };

export function contentHash(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

async function upsertGroups(pool: Pool, datasetId: number, groups: LoadGroup[]): Promise<{ ids: Map<string, number>; inserted: number }> {
  const externalIds = groups.map((g) => g.externalId);
  const inserted = await execute(
    pool,
    sql`INSERT INTO prompt_groups (dataset_id, external_id, gold, meta)
        SELECT ${datasetId}, * FROM unnest(${externalIds}::text[], ${groups.map((g) => g.gold)}::text[], ${groups.map((g) => JSON.stringify(g.meta))}::jsonb[])
        ON CONFLICT (dataset_id, external_id) DO NOTHING`,
  );
  const rows = await queryTrusted<{ id: number; external_id: string }>(
    pool,
    sql`SELECT id, external_id FROM prompt_groups WHERE dataset_id = ${datasetId} AND external_id = ANY(${externalIds}::text[])`,
  );
  return { ids: new Map(rows.map((r) => [r.external_id, r.id])), inserted };
}

/**
 * Inserts one batch of prompt groups with batched `unnest` statements. Idempotent: existing groups,
 * prompts and responses (same group, language, model and sample) are left as they are.
 */
export async function insertGroups(pool: Pool, datasetId: number, groups: LoadGroup[], derive: DeriveFields): Promise<LoadCounts> {
  if (groups.length === 0) return { groups: 0, prompts: 0, responses: 0 };
  const { ids, inserted } = await upsertGroups(pool, datasetId, groups);
  const p = { group: [] as number[], lang: [] as string[], text: [] as string[], mt: [] as boolean[] };
  const r = {
    group: [] as number[],
    lang: [] as string[],
    sample: [] as number[],
    text: [] as string[],
    hash: [] as Buffer[],
    length: [] as number[],
    model: [] as (string | null)[],
    params: [] as (string | null)[],
    detected: [] as (string | null)[],
    answer: [] as (string | null)[],
    share: [] as (number | null)[],
    mix: [] as (string | null)[],
    defect: [] as (string | null)[],
  };
  for (const g of groups) {
    const groupId = ids.get(g.externalId)!;
    for (const prompt of g.prompts) {
      p.group.push(groupId);
      p.lang.push(prompt.lang);
      p.text.push(prompt.text);
      p.mt.push(prompt.machineTranslated ?? false);
    }
    for (const resp of g.responses) {
      const derived = derive(resp.text, resp.lang, g);
      r.group.push(groupId);
      r.lang.push(resp.lang);
      r.sample.push(resp.sampleIndex);
      r.text.push(resp.text);
      r.hash.push(contentHash(resp.text));
      r.length.push([...resp.text].length);
      r.model.push(resp.model ?? null);
      r.params.push(resp.params ? JSON.stringify(resp.params) : null);
      r.detected.push(derived.detectedLanguage);
      r.answer.push(derived.extractedAnswer);
      r.share.push(derived.targetShare);
      r.mix.push(derived.languageMix);
      r.defect.push(derived.defect);
    }
  }
  const prompts = await execute(
    pool,
    sql`INSERT INTO prompt_texts (dataset_id, group_id, language, text, machine_translated)
        SELECT ${datasetId}, * FROM unnest(${p.group}::int[], ${p.lang}::text[], ${p.text}::text[], ${p.mt}::bool[])
        ON CONFLICT (group_id, language) DO NOTHING`,
  );
  const responses = await execute(
    pool,
    sql`INSERT INTO responses (dataset_id, group_id, language, sample_index, text, content_hash, char_length,
                               model, params, detected_language, extracted_answer, target_share, language_mix, defect)
        SELECT ${datasetId}, * FROM unnest(${r.group}::int[], ${r.lang}::text[], ${r.sample}::int[], ${r.text}::text[], ${r.hash}::bytea[],
                                           ${r.length}::int[], ${r.model}::text[], ${r.params}::jsonb[], ${r.detected}::text[],
                                           ${r.answer}::text[], ${r.share}::float8[], ${r.mix}::text[], ${r.defect}::text[])
        ON CONFLICT (group_id, language, model, sample_index) DO NOTHING`,
  );
  return { groups: inserted, prompts, responses };
}
