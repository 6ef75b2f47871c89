import { createHash } from "node:crypto";
import type { Pool } from "pg";

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
  const inserted = await pool.query(
    `INSERT INTO prompt_groups (dataset_id, external_id, gold, meta)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::jsonb[])
     ON CONFLICT (dataset_id, external_id) DO NOTHING`,
    [datasetId, groups.map((g) => g.externalId), groups.map((g) => g.gold), groups.map((g) => JSON.stringify(g.meta))],
  );
  const { rows } = await pool.query<{ id: number; external_id: string }>(
    `SELECT id, external_id FROM prompt_groups WHERE dataset_id = $1 AND external_id = ANY($2::text[])`,
    [datasetId, groups.map((g) => g.externalId)],
  );
  return { ids: new Map(rows.map((r) => [r.external_id, r.id])), inserted: inserted.rowCount ?? 0 };
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
    group: [] as number[], lang: [] as string[], sample: [] as number[], text: [] as string[],
    hash: [] as Buffer[], length: [] as number[], model: [] as (string | null)[],
    params: [] as (string | null)[], detected: [] as (string | null)[], answer: [] as (string | null)[],
    share: [] as (number | null)[], mix: [] as (string | null)[], defect: [] as (string | null)[],
  };
  for (const g of groups) {
    const groupId = ids.get(g.externalId)!;
    for (const prompt of g.prompts) {
      p.group.push(groupId); p.lang.push(prompt.lang); p.text.push(prompt.text); p.mt.push(prompt.machineTranslated ?? false);
    }
    for (const resp of g.responses) {
      const derived = derive(resp.text, resp.lang, g);
      r.group.push(groupId); r.lang.push(resp.lang); r.sample.push(resp.sampleIndex); r.text.push(resp.text);
      r.hash.push(contentHash(resp.text)); r.length.push([...resp.text].length); r.model.push(resp.model ?? null);
      r.params.push(resp.params ? JSON.stringify(resp.params) : null);
      r.detected.push(derived.detectedLanguage); r.answer.push(derived.extractedAnswer);
      r.share.push(derived.targetShare); r.mix.push(derived.languageMix); r.defect.push(derived.defect);
    }
  }
  const prompts = await pool.query(
    `INSERT INTO prompt_texts (dataset_id, group_id, language, text, machine_translated)
     SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::bool[])
     ON CONFLICT (group_id, language) DO NOTHING`,
    [datasetId, p.group, p.lang, p.text, p.mt],
  );
  const responses = await pool.query(
    `INSERT INTO responses (dataset_id, group_id, language, sample_index, text, content_hash, char_length,
                            model, params, detected_language, extracted_answer, target_share, language_mix, defect)
     SELECT $1, * FROM unnest($2::int[], $3::text[], $4::int[], $5::text[], $6::bytea[], $7::int[],
                              $8::text[], $9::jsonb[], $10::text[], $11::text[], $12::float8[], $13::text[], $14::text[])
     ON CONFLICT (group_id, language, model, sample_index) DO NOTHING`,
    [datasetId, r.group, r.lang, r.sample, r.text, r.hash, r.length, r.model, r.params, r.detected, r.answer, r.share, r.mix, r.defect],
  );
  return { groups: inserted, prompts: prompts.rowCount ?? 0, responses: responses.rowCount ?? 0 };
}
