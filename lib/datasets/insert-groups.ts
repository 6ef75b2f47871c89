import { createHash } from "node:crypto";
import type { Pool } from "pg";
import { execute, queryTrusted, sql } from "@/lib/db/sql";
import { unnest } from "@/lib/db/unnest";

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
  const groupId = (g: LoadGroup) => ids.get(g.externalId)!;
  const promptRows = groups.flatMap((g) => g.prompts.map((prompt) => ({ groupId: groupId(g), prompt })));
  const responseRows = groups.flatMap((g) => g.responses.map((r) => ({ groupId: groupId(g), r, derived: derive(r.text, r.lang, g) })));
  const prompts = await execute(
    pool,
    sql`INSERT INTO prompt_texts (dataset_id, group_id, language, text, machine_translated)
        SELECT ${datasetId}, * FROM ${unnest(promptRows, [
          ["int", (x) => x.groupId],
          ["text", (x) => x.prompt.lang],
          ["text", (x) => x.prompt.text],
          ["bool", (x) => x.prompt.machineTranslated ?? false],
        ])}
        ON CONFLICT (group_id, language) DO NOTHING`,
  );
  const responses = await execute(
    pool,
    sql`INSERT INTO responses (dataset_id, group_id, language, sample_index, text, content_hash, char_length,
                               model, params, detected_language, extracted_answer, target_share, language_mix, defect)
        SELECT ${datasetId}, * FROM ${unnest(responseRows, [
          ["int", (x) => x.groupId],
          ["text", (x) => x.r.lang],
          ["int", (x) => x.r.sampleIndex],
          ["text", (x) => x.r.text],
          ["bytea", (x) => contentHash(x.r.text)],
          ["int", (x) => [...x.r.text].length],
          ["text", (x) => x.r.model ?? null],
          ["jsonb", (x) => (x.r.params ? JSON.stringify(x.r.params) : null)],
          ["text", (x) => x.derived.detectedLanguage],
          ["text", (x) => x.derived.extractedAnswer],
          ["float8", (x) => x.derived.targetShare],
          ["text", (x) => x.derived.languageMix],
          ["text", (x) => x.derived.defect],
        ])}
        ON CONFLICT (group_id, language, model, sample_index) DO NOTHING`,
  );
  return { groups: inserted, prompts, responses };
}
