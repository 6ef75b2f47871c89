import type { PoolClient } from "pg";
import { z } from "zod";
import { execute, queryOne, queryTrusted, sql } from "@/lib/db/sql";
import type { ImportGroup, ImportIssue } from "@/lib/import/formats";
import type { DeriveOutput } from "./derive";
import { sampleConflict } from "./identity";
import { writeRows, type Cell, type Column } from "./write-rows";

// Rows of one import are staged in a temporary table inside the import's transaction, then
// published in three set-based statements; an invalid record found late discards the whole stage.

export const CREATE_STAGE = `
  CREATE TEMP TABLE import_stage (
    external_id text NOT NULL, row_kind char(1) NOT NULL, gold text, meta jsonb, language text,
    sample_index int, text text, content_hash bytea, char_length int, model text, params jsonb,
    detected_language text, extracted_answer text, machine_translated bool,
    target_share float8, language_mix text, defect text, line int NOT NULL, field text
  ) ON COMMIT DROP`;

const STAGE_COLUMNS: Column[] = [
  { name: "external_id", type: "text" },
  { name: "row_kind", type: "char(1)" },
  { name: "gold", type: "text" },
  { name: "meta", type: "jsonb" },
  { name: "language", type: "text" },
  { name: "sample_index", type: "int" },
  { name: "text", type: "text" },
  { name: "content_hash", type: "bytea" },
  { name: "char_length", type: "int" },
  { name: "model", type: "text" },
  { name: "params", type: "jsonb" },
  { name: "detected_language", type: "text" },
  { name: "extracted_answer", type: "text" },
  { name: "machine_translated", type: "bool" },
  { name: "target_share", type: "float8" },
  { name: "language_mix", type: "text" },
  { name: "defect", type: "text" },
  { name: "line", type: "int" },
  { name: "field", type: "text" },
];

export class StageBuffer {
  private cols = StageBuffer.empty();
  rows = 0;

  private static empty() {
    return {
      ext: [] as string[],
      kind: [] as string[],
      gold: [] as (string | null)[],
      meta: [] as (string | null)[],
      lang: [] as (string | null)[],
      sample: [] as (number | null)[],
      text: [] as (string | null)[],
      hash: [] as (Buffer | null)[],
      length: [] as (number | null)[],
      model: [] as (string | null)[],
      params: [] as (string | null)[],
      detected: [] as (string | null)[],
      answer: [] as (string | null)[],
      mt: [] as (boolean | null)[],
      share: [] as (number | null)[],
      mix: [] as (string | null)[],
      defect: [] as (string | null)[],
      line: [] as number[],
      field: [] as (string | null)[],
    };
  }

  private push(ext: string, kind: string, line: number, values: Partial<Record<keyof ReturnType<typeof StageBuffer.empty>, unknown>>) {
    const c = this.cols;
    c.ext.push(ext);
    c.kind.push(kind);
    c.line.push(line);
    c.share.push((values.share as number) ?? null);
    c.mix.push((values.mix as string) ?? null);
    c.defect.push((values.defect as string) ?? null);
    c.field.push((values.field as string) ?? null);
    c.gold.push((values.gold as string) ?? null);
    c.meta.push((values.meta as string) ?? null);
    c.lang.push((values.lang as string) ?? null);
    c.sample.push((values.sample as number) ?? null);
    c.text.push((values.text as string) ?? null);
    c.hash.push((values.hash as Buffer) ?? null);
    c.length.push((values.length as number) ?? null);
    c.model.push((values.model as string) ?? null);
    c.params.push((values.params as string) ?? null);
    c.detected.push((values.detected as string) ?? null);
    c.answer.push((values.answer as string) ?? null);
    c.mt.push((values.mt as boolean) ?? null);
    this.rows += 1;
  }

  /** `derived` holds the batch's responses in order; `offset` is where this group's first response is. */
  add(group: ImportGroup, derived: DeriveOutput, offset: number): void {
    this.push(group.externalId, "g", group.line, { gold: group.gold, meta: JSON.stringify(group.meta) });
    for (const p of group.prompts) this.push(group.externalId, "p", group.line, { lang: p.lang, text: p.text, mt: p.machineTranslated });
    group.responses.forEach((r, i) => {
      const d = offset + i;
      this.push(group.externalId, "r", r.line, {
        lang: r.lang,
        sample: r.sampleIndex,
        text: r.text,
        hash: Buffer.from(r.contentHash, "hex"),
        length: derived.charLengths[d],
        model: r.model,
        params: r.params ? JSON.stringify(r.params) : null,
        detected: derived.detected[d],
        answer: derived.answers[d],
        share: derived.shares[d],
        mix: derived.mixes[d],
        defect: derived.defects[d],
        field: r.field,
      });
    });
  }

  async flush(client: PoolClient, copy: boolean): Promise<void> {
    if (this.rows === 0) return;
    const c = this.cols;
    const columns = [
      c.ext,
      c.kind,
      c.gold,
      c.meta,
      c.lang,
      c.sample,
      c.text,
      c.hash,
      c.length,
      c.model,
      c.params,
      c.detected,
      c.answer,
      c.mt,
      c.share,
      c.mix,
      c.defect,
      c.line,
      c.field,
    ];
    await writeRows(client, copy, "import_stage", STAGE_COLUMNS, columns as Cell[][]);
    this.cols = StageBuffer.empty();
    this.rows = 0;
  }
}

export type PublishCounts = { groups: number; prompts: number; responses: number; duplicates: number };

const MAX_CONFLICTS_LISTED = 1_000;

/**
 * Staged rows that give another text for a sample already stored (same group, language, model and
 * position). Without `append` they are refused: their lines are removed from the stage and returned.
 */
export async function refuseConflicts(client: PoolClient, datasetId: number): Promise<ImportIssue[]> {
  const rows = await queryTrusted<{ line: number; field: string; language: string; model: string | null; sample_index: number }>(
    client,
    sql`SELECT s.line, s.field, s.language, s.model, s.sample_index
     FROM import_stage s
     JOIN prompt_groups g ON g.dataset_id = ${datasetId} AND g.external_id = s.external_id
     JOIN responses r ON r.group_id = g.id AND r.language = s.language AND r.sample_index = s.sample_index
                     AND r.model IS NOT DISTINCT FROM s.model
     WHERE s.row_kind = 'r' AND r.content_hash <> s.content_hash
     ORDER BY s.line`,
  );
  if (rows.length === 0) return [];
  await execute(client, sql`DELETE FROM import_stage WHERE line = ANY(${rows.map((r) => r.line)}::int[])`);
  return rows
    .slice(0, MAX_CONFLICTS_LISTED)
    .map((r) => sampleConflict({ line: r.line, field: r.field, lang: r.language, model: r.model, sampleIndex: r.sample_index }));
}

/**
 * Moves the stage into the dataset. A response already stored with the same identity is kept as it is
 * (call refuseConflicts first); with `append` every staged response becomes a new sample after the
 * stored ones of its group and language, in the order of its sample position, then line.
 */
export async function publishStage(client: PoolClient, datasetId: number, append = false): Promise<PublishCounts> {
  const groups = await execute(
    client,
    sql`INSERT INTO prompt_groups (dataset_id, external_id, gold, meta)
     SELECT DISTINCT ON (external_id) ${datasetId}::int, external_id, gold, coalesce(meta, '{}') FROM import_stage
     WHERE row_kind = 'g' ORDER BY external_id, gold NULLS LAST
     ON CONFLICT (dataset_id, external_id) DO NOTHING`,
  );
  await execute(
    client,
    sql`UPDATE prompt_groups g SET gold = s.gold FROM (
       SELECT DISTINCT ON (external_id) external_id, gold FROM import_stage WHERE row_kind = 'g' AND gold IS NOT NULL ORDER BY external_id
     ) s WHERE g.dataset_id = ${datasetId} AND g.external_id = s.external_id AND g.gold IS NULL`,
  );
  const prompts = await execute(
    client,
    sql`INSERT INTO prompt_texts (dataset_id, group_id, language, text, machine_translated)
     SELECT DISTINCT ON (g.id, s.language) ${datasetId}::int, g.id, s.language, s.text, coalesce(s.machine_translated, false)
     FROM import_stage s JOIN prompt_groups g ON g.dataset_id = ${datasetId} AND g.external_id = s.external_id
     WHERE s.row_kind = 'p' ORDER BY g.id, s.language
     ON CONFLICT (group_id, language) DO NOTHING`,
  );
  const staged = await queryOne(client, sql`SELECT count(*)::int AS n FROM import_stage WHERE row_kind = 'r'`, z.object({ n: z.number() }));
  const sample = append
    ? sql`coalesce((SELECT max(r.sample_index) FROM responses r WHERE r.group_id = g.id AND r.language = s.language), -1)
         + row_number() OVER (PARTITION BY g.id, s.language ORDER BY s.sample_index, s.line)`
    : sql`s.sample_index`;
  const inserted = await execute(
    client,
    sql`INSERT INTO responses (dataset_id, group_id, language, sample_index, text, content_hash, char_length, origin,
                            model, params, detected_language, extracted_answer, target_share, language_mix, defect)
     SELECT ${datasetId}::int, g.id, s.language, ${sample}, s.text, s.content_hash, s.char_length, 'imported',
            s.model, s.params, s.detected_language, s.extracted_answer, s.target_share, s.language_mix, s.defect
     FROM import_stage s JOIN prompt_groups g ON g.dataset_id = ${datasetId} AND g.external_id = s.external_id
     WHERE s.row_kind = 'r'
     ON CONFLICT (group_id, language, model, sample_index) DO NOTHING`,
  );
  return {
    groups,
    prompts,
    responses: inserted,
    duplicates: staged.n - inserted,
  };
}
