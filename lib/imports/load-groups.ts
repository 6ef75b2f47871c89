import type { PoolClient } from "pg";
import type { ImportGroup } from "@/lib/import";
import type { DeriveOutput } from "./derive";
import { copyCell, copyRows, writeRows, type Cell, type Column } from "./write-rows";

/** `copy`: the database takes COPY FROM STDIN (Postgres, not PGlite). */
export type LoadTarget = { client: PoolClient; copy: boolean; datasetId: number };
export type LoadCounts = { groups: number; prompts: number; responses: number; duplicates: number };

export const RESPONSE_COLUMNS: Column[] = [
  { name: "dataset_id", type: "int" }, { name: "group_id", type: "int" }, { name: "language", type: "text" },
  { name: "sample_index", type: "int" }, { name: "text", type: "text" }, { name: "content_hash", type: "bytea" },
  { name: "char_length", type: "int" }, { name: "model", type: "text" }, { name: "params", type: "jsonb" },
  { name: "detected_language", type: "text" }, { name: "extracted_answer", type: "text" },
];

async function groupIds(t: LoadTarget, groups: ImportGroup[]): Promise<{ ids: Map<string, number>; existing: Set<number> }> {
  const inserted = await t.client.query<{ id: number; external_id: string }>(
    `INSERT INTO prompt_groups (dataset_id, external_id, gold, meta)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::jsonb[])
     ON CONFLICT (dataset_id, external_id) DO NOTHING RETURNING id, external_id`,
    [t.datasetId, groups.map((g) => g.externalId), groups.map((g) => g.gold), groups.map((g) => JSON.stringify(g.meta))],
  );
  const ids = new Map(inserted.rows.map((r) => [r.external_id, r.id]));
  const existing = new Set<number>();
  const old = groups.filter((g) => !ids.has(g.externalId));
  if (old.length === 0) return { ids, existing };
  const found = await t.client.query<{ id: number; external_id: string }>(
    `SELECT id, external_id FROM prompt_groups WHERE dataset_id = $1 AND external_id = ANY($2::text[])`,
    [t.datasetId, old.map((g) => g.externalId)],
  );
  for (const r of found.rows) {
    ids.set(r.external_id, r.id);
    existing.add(r.id);
  }
  const golds = old.filter((g) => g.gold !== null);
  if (golds.length > 0) {
    await t.client.query(
      `UPDATE prompt_groups g SET gold = u.gold FROM unnest($1::int[], $2::text[]) u(id, gold) WHERE g.id = u.id AND g.gold IS NULL`,
      [golds.map((g) => ids.get(g.externalId)), golds.map((g) => g.gold)],
    );
  }
  return { ids, existing };
}

async function existingResponses(t: LoadTarget, groupIdList: number[]): Promise<Set<string>> {
  if (groupIdList.length === 0) return new Set();
  const { rows } = await t.client.query<{ k: string }>(
    `SELECT group_id || ' ' || language || ' ' || encode(content_hash, 'hex') AS k FROM responses WHERE group_id = ANY($1::int[])`,
    [groupIdList],
  );
  return new Set(rows.map((r) => r.k));
}

/** A group's responses as rows, minus the group id (known only once the group is written). */
type PreparedGroup = { externalId: string; rows: { key: string; row: Cell[] | string }[]; given: number };

/**
 * Everything of a batch's response rows that does not need the database: the row (its COPY text when
 * `copy`, else its cells) and the dedup of repeats within a group. Runs as soon as derivation returns, off the write chain, so the
 * connection is not kept waiting while rows are built.
 */
export function prepareResponses(groups: ImportGroup[], derived: DeriveOutput, copy: boolean): PreparedGroup[] {
  let k = 0;
  return groups.map((g) => {
    const seen = new Set<string>();
    const rows: PreparedGroup["rows"] = [];
    for (const r of g.responses) {
      const i = k++;
      const key = `${r.lang} ${r.contentHash}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const cells: Cell[] = [
        r.lang, r.sampleIndex, r.text, Buffer.from(r.contentHash, "hex"), derived.charLengths[i]!,
        r.model, r.params ? JSON.stringify(r.params) : null, derived.detected[i] ?? null, derived.answers[i] ?? null,
      ];
      rows.push({ key, row: copy ? cells.map(copyCell).join("\t") : cells });
    }
    return { externalId: g.externalId, rows, given: g.responses.length };
  });
}

/**
 * Loads whole prompt groups (nested records) straight into the tables: groups and prompts by batched
 * upsert, responses by COPY. Responses already stored (same group, language and content hash) and
 * repeats within a group are skipped, so COPY never meets a conflict.
 */
export async function loadCompleteGroups(t: LoadTarget, groups: ImportGroup[], prepared: PreparedGroup[]): Promise<LoadCounts> {
  if (groups.length === 0) return { groups: 0, prompts: 0, responses: 0, duplicates: 0 };
  const { ids, existing } = await groupIds(t, groups);
  const p = { group: [] as number[], lang: [] as string[], text: [] as string[], mt: [] as boolean[] };
  for (const g of groups) {
    const id = ids.get(g.externalId)!;
    for (const prompt of g.prompts) {
      p.group.push(id); p.lang.push(prompt.lang); p.text.push(prompt.text); p.mt.push(prompt.machineTranslated);
    }
  }
  const prompts = await t.client.query(
    `INSERT INTO prompt_texts (dataset_id, group_id, language, text, machine_translated)
     SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::bool[]) ON CONFLICT (group_id, language) DO NOTHING`,
    [t.datasetId, p.group, p.lang, p.text, p.mt],
  );
  const stored = await existingResponses(t, [...existing]);
  const cols: Cell[][] = RESPONSE_COLUMNS.map(() => []);
  const lines: string[] = [];
  let given = 0;
  let written = 0;
  for (const g of prepared) {
    const id = ids.get(g.externalId)!;
    given += g.given;
    for (const row of g.rows) {
      if (stored.size > 0 && stored.has(`${id} ${row.key}`)) continue;
      written++;
      if (typeof row.row === "string") {
        lines.push(`${t.datasetId}\t${id}\t${row.row}\n`);
      } else {
        cols[0]!.push(t.datasetId);
        cols[1]!.push(id);
        for (let c = 0; c < row.row.length; c++) cols[c + 2]!.push(row.row[c]!);
      }
    }
  }
  if (t.copy) await copyRows(t.client, "responses", RESPONSE_COLUMNS, lines.join(""));
  else await writeRows(t.client, false, "responses", RESPONSE_COLUMNS, cols);
  return { groups: groups.length - existing.size, prompts: prompts.rowCount ?? 0, responses: written, duplicates: given - written };
}
