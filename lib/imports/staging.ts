import type { PoolClient } from "pg";
import type { ImportGroup } from "@/lib/import";
import type { DeriveOutput } from "./derive";
import { writeRows, type Cell, type Column } from "./write-rows";

// Rows of one import are staged in a temporary table inside the import's transaction, then
// published in three set-based statements; an invalid record found late discards the whole stage.

export const CREATE_STAGE = `
  CREATE TEMP TABLE import_stage (
    external_id text NOT NULL, row_kind char(1) NOT NULL, gold text, meta jsonb, language text,
    sample_index int, text text, content_hash bytea, char_length int, model text, params jsonb,
    detected_language text, extracted_answer text, machine_translated bool
  ) ON COMMIT DROP`;

const STAGE_COLUMNS: Column[] = [
  { name: "external_id", type: "text" }, { name: "row_kind", type: "char(1)" }, { name: "gold", type: "text" },
  { name: "meta", type: "jsonb" }, { name: "language", type: "text" }, { name: "sample_index", type: "int" },
  { name: "text", type: "text" }, { name: "content_hash", type: "bytea" }, { name: "char_length", type: "int" },
  { name: "model", type: "text" }, { name: "params", type: "jsonb" }, { name: "detected_language", type: "text" },
  { name: "extracted_answer", type: "text" }, { name: "machine_translated", type: "bool" },
];

export class StageBuffer {
  private cols = StageBuffer.empty();
  rows = 0;

  private static empty() {
    return {
      ext: [] as string[], kind: [] as string[], gold: [] as (string | null)[], meta: [] as (string | null)[],
      lang: [] as (string | null)[], sample: [] as (number | null)[], text: [] as (string | null)[],
      hash: [] as (Buffer | null)[], length: [] as (number | null)[], model: [] as (string | null)[],
      params: [] as (string | null)[], detected: [] as (string | null)[], answer: [] as (string | null)[], mt: [] as (boolean | null)[],
    };
  }

  private push(ext: string, kind: string, values: Partial<Record<keyof ReturnType<typeof StageBuffer.empty>, unknown>>) {
    const c = this.cols;
    c.ext.push(ext); c.kind.push(kind);
    c.gold.push((values.gold as string) ?? null); c.meta.push((values.meta as string) ?? null);
    c.lang.push((values.lang as string) ?? null); c.sample.push((values.sample as number) ?? null);
    c.text.push((values.text as string) ?? null); c.hash.push((values.hash as Buffer) ?? null);
    c.length.push((values.length as number) ?? null); c.model.push((values.model as string) ?? null);
    c.params.push((values.params as string) ?? null); c.detected.push((values.detected as string) ?? null);
    c.answer.push((values.answer as string) ?? null); c.mt.push((values.mt as boolean) ?? null);
    this.rows += 1;
  }

  /** `derived` holds the batch's responses in order; `offset` is where this group's first response is. */
  add(group: ImportGroup, derived: DeriveOutput, offset: number): void {
    this.push(group.externalId, "g", { gold: group.gold, meta: JSON.stringify(group.meta) });
    for (const p of group.prompts) this.push(group.externalId, "p", { lang: p.lang, text: p.text, mt: p.machineTranslated });
    group.responses.forEach((r, i) => {
      this.push(group.externalId, "r", {
        lang: r.lang, sample: r.sampleIndex, text: r.text, hash: Buffer.from(r.contentHash, "hex"), length: derived.charLengths[offset + i],
        model: r.model, params: r.params ? JSON.stringify(r.params) : null, detected: derived.detected[offset + i], answer: derived.answers[offset + i],
      });
    });
  }

  async flush(client: PoolClient, copy: boolean): Promise<void> {
    if (this.rows === 0) return;
    const c = this.cols;
    const columns = [c.ext, c.kind, c.gold, c.meta, c.lang, c.sample, c.text, c.hash, c.length, c.model, c.params, c.detected, c.answer, c.mt];
    await writeRows(client, copy, "import_stage", STAGE_COLUMNS, columns as Cell[][]);
    this.cols = StageBuffer.empty();
    this.rows = 0;
  }
}

export type PublishCounts = { groups: number; prompts: number; responses: number; duplicates: number };

/** Moves the stage into the dataset; rows already there (same group, language, content) are kept as they are. */
export async function publishStage(client: PoolClient, datasetId: number): Promise<PublishCounts> {
  const groups = await client.query(
    `INSERT INTO prompt_groups (dataset_id, external_id, gold, meta)
     SELECT DISTINCT ON (external_id) $1::int, external_id, gold, coalesce(meta, '{}') FROM import_stage
     WHERE row_kind = 'g' ORDER BY external_id, gold NULLS LAST
     ON CONFLICT (dataset_id, external_id) DO NOTHING`,
    [datasetId],
  );
  await client.query(
    `UPDATE prompt_groups g SET gold = s.gold FROM (
       SELECT DISTINCT ON (external_id) external_id, gold FROM import_stage WHERE row_kind = 'g' AND gold IS NOT NULL ORDER BY external_id
     ) s WHERE g.dataset_id = $1 AND g.external_id = s.external_id AND g.gold IS NULL`,
    [datasetId],
  );
  const prompts = await client.query(
    `INSERT INTO prompt_texts (dataset_id, group_id, language, text, machine_translated)
     SELECT DISTINCT ON (g.id, s.language) $1::int, g.id, s.language, s.text, coalesce(s.machine_translated, false)
     FROM import_stage s JOIN prompt_groups g ON g.dataset_id = $1 AND g.external_id = s.external_id
     WHERE s.row_kind = 'p' ORDER BY g.id, s.language
     ON CONFLICT (group_id, language) DO NOTHING`,
    [datasetId],
  );
  const staged = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM import_stage WHERE row_kind = 'r'`);
  const responses = await client.query(
    `INSERT INTO responses (dataset_id, group_id, language, sample_index, text, content_hash, char_length, origin,
                            model, params, detected_language, extracted_answer)
     SELECT $1::int, g.id, s.language, s.sample_index, s.text, s.content_hash, s.char_length, 'imported',
            s.model, s.params, s.detected_language, s.extracted_answer
     FROM import_stage s JOIN prompt_groups g ON g.dataset_id = $1 AND g.external_id = s.external_id
     WHERE s.row_kind = 'r'
     ON CONFLICT (group_id, language, content_hash) DO NOTHING`,
    [datasetId],
  );
  const inserted = responses.rowCount ?? 0;
  return { groups: groups.rowCount ?? 0, prompts: prompts.rowCount ?? 0, responses: inserted, duplicates: (staged.rows[0]?.n ?? 0) - inserted };
}
