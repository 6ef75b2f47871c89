import type { PoolClient } from "pg";
import { execute, queryTrusted, sql } from "@/lib/db/sql";
import type { ImportGroup, ImportIssue } from "@/lib/import/formats";
import type { DeriveOutput } from "./derive";
import { sampleConflict } from "./identity";
import { copyCell, copyRows, writeRows, type Cell, type Column } from "./write-rows";

/** `copy`: the database takes COPY FROM STDIN (Postgres, not PGlite). `append`: add every response as a new sample. */
export type LoadTarget = { client: PoolClient; copy: boolean; datasetId: number; append: boolean };
export type LoadCounts = { groups: number; prompts: number; responses: number; duplicates: number };

type ImportResponse = ImportGroup["responses"][number];

/**
 * The responses' columns, in COPY order, each with where its value comes from and how it is written.
 * `load`: known only when the group is written (its id, and the sample index, which an append numbers
 * after the stored samples). `record`: from the import record, taken when the batch is submitted;
 * `cell` is the value for the batched `unnest` insert (PGlite), `copy` its COPY text when that is
 * not copyCell of the cell. `derived`: from derivation, the response's position `i` in its batch.
 */
type ResponseColumn = Column &
  (
    | { from: "load" }
    | { from: "record"; cell: (r: ImportResponse) => Cell; copy?: (r: ImportResponse) => string }
    | { from: "derived"; cell: (d: DeriveOutput, i: number) => Cell }
  );

export const RESPONSE_COLUMNS: ResponseColumn[] = [
  { name: "dataset_id", type: "int", from: "load" },
  { name: "group_id", type: "int", from: "load" },
  { name: "sample_index", type: "int", from: "load" },
  { name: "language", type: "text", from: "record", cell: (r) => r.lang },
  { name: "text", type: "text", from: "record", cell: (r) => r.text },
  // The hash is already hex: written as bytea's hex input, escaped as copyCell escapes a Buffer.
  {
    name: "content_hash",
    type: "bytea",
    from: "record",
    cell: (r) => Buffer.from(r.contentHash, "hex"),
    copy: (r) => `\\\\x${r.contentHash}`,
  },
  { name: "model", type: "text", from: "record", cell: (r) => r.model },
  { name: "params", type: "jsonb", from: "record", cell: (r) => (r.params ? JSON.stringify(r.params) : null) },
  { name: "char_length", type: "int", from: "derived", cell: (d, i) => d.charLengths[i]! },
  { name: "detected_language", type: "text", from: "derived", cell: (d, i) => d.detected[i] ?? null },
  { name: "extracted_answer", type: "text", from: "derived", cell: (d, i) => d.answers[i] ?? null },
  { name: "target_share", type: "float8", from: "derived", cell: (d, i) => d.shares[i] ?? null },
  { name: "language_mix", type: "text", from: "derived", cell: (d, i) => d.mixes[i] ?? null },
  { name: "defect", type: "text", from: "derived", cell: (d, i) => d.defects[i] ?? null },
];
const RECORD_COLUMNS = RESPONSE_COLUMNS.filter((c) => c.from === "record");
const DERIVED_COLUMNS = RESPONSE_COLUMNS.filter((c) => c.from === "derived");

/** A response's identity in its group: language, model and sample position (never its text). */
export function identityKey(lang: string, model: string | null, sampleIndex: number): string {
  return `${lang}\u0000${model === null ? "\u0001" : model}\u0000${sampleIndex}`;
}

type PreparedRow = {
  lang: string;
  sampleIndex: number;
  hash: string;
  line: number;
  field: string;
  model: string | null;
  /** The record columns: with `copy` their COPY line's UTF-8 bytes (the tab after the last included), else their cells. */
  record: Buffer | Cell[];
  /** Filled once derivation returns, the derived columns: the rest of the COPY line's bytes (newline included) with `copy`, else their cells. */
  derived: Buffer | Cell[] | null;
};
/** A group's responses as rows, minus the group id and sample index (known only once the group is written). */
export type PreparedGroup = { externalId: string; rows: PreparedRow[] };
/** What the writer needs of a group besides its responses (which are prepared apart). */
export type GroupHead = Pick<ImportGroup, "externalId" | "gold" | "meta" | "prompts">;

/**
 * Everything of a batch's response rows that needs neither the database nor derivation, taken as soon
 * as the batch is submitted. With `copy` the text is encoded to its COPY bytes here, so the batch's
 * texts are garbage once it has been handed to derivation (young, and cheap to collect) rather than
 * held until the batch is written. Identical texts are separate samples.
 */
export function prepareResponses(groups: ImportGroup[], copy: boolean): PreparedGroup[] {
  return groups.map((g) => ({
    externalId: g.externalId,
    rows: g.responses.map((r) => {
      let record: Buffer | Cell[];
      if (copy) {
        let line = "";
        for (const c of RECORD_COLUMNS) line += `${c.copy ? c.copy(r) : copyCell(c.cell(r))}\t`;
        record = Buffer.from(line);
      } else record = RECORD_COLUMNS.map((c) => c.cell(r));
      return {
        lang: r.lang,
        sampleIndex: r.sampleIndex,
        hash: r.contentHash,
        line: r.line,
        field: r.field,
        model: r.model,
        record,
        derived: null,
      };
    }),
  }));
}

/**
 * Completes the prepared rows with the derived columns: the rest of each COPY line's bytes when `copy`,
 * else their cells. Runs as soon as derivation returns, off the write chain, so the connection is not
 * kept waiting while rows are built or encoded.
 */
export function addDerived(prepared: PreparedGroup[], derived: DeriveOutput, copy: boolean): PreparedGroup[] {
  let i = 0;
  for (const g of prepared) {
    for (const r of g.rows) {
      if (copy) {
        let line = "";
        for (let c = 0; c < DERIVED_COLUMNS.length; c++) line += `${c === 0 ? "" : "\t"}${copyCell(DERIVED_COLUMNS[c]!.cell(derived, i))}`;
        r.derived = Buffer.from(`${line}\n`);
      } else r.derived = DERIVED_COLUMNS.map((c) => c.cell(derived, i));
      i++;
    }
  }
  return prepared;
}

/** One COPY payload: each line's ASCII head (dataset, group, sample), then its prepared bytes (record part, derived part). */
function copyPayload(heads: string[], records: Buffer[], tails: Buffer[]): Buffer {
  let size = 0;
  for (let i = 0; i < heads.length; i++) size += heads[i]!.length + records[i]!.length + tails[i]!.length;
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (let i = 0; i < heads.length; i++) {
    at += out.write(heads[i]!, at, "latin1");
    at += records[i]!.copy(out, at);
    at += tails[i]!.copy(out, at);
  }
  return out;
}

type Stored = { hashes: Map<string, string>; lastSample: Map<string, number> };

async function groupIds(t: LoadTarget, groups: GroupHead[]): Promise<{ ids: Map<string, number>; existing: Set<number> }> {
  const inserted = await queryTrusted<{ id: number; external_id: string }>(
    t.client,
    sql`INSERT INTO prompt_groups (dataset_id, external_id, gold, meta)
     SELECT ${t.datasetId}, * FROM unnest(${groups.map((g) => g.externalId)}::text[], ${groups.map((g) => g.gold)}::text[],
                                          ${groups.map((g) => JSON.stringify(g.meta))}::jsonb[])
     ON CONFLICT (dataset_id, external_id) DO NOTHING RETURNING id, external_id`,
  );
  const ids = new Map(inserted.map((r) => [r.external_id, r.id]));
  const existing = new Set<number>();
  const old = groups.filter((g) => !ids.has(g.externalId));
  if (old.length === 0) return { ids, existing };
  const found = await queryTrusted<{ id: number; external_id: string }>(
    t.client,
    sql`SELECT id, external_id FROM prompt_groups WHERE dataset_id = ${t.datasetId} AND external_id = ANY(${old.map((g) => g.externalId)}::text[])`,
  );
  for (const r of found) {
    ids.set(r.external_id, r.id);
    existing.add(r.id);
  }
  return { ids, existing };
}

async function setMissingGolds(t: LoadTarget, groups: GroupHead[], ids: Map<string, number>, existing: Set<number>): Promise<void> {
  const golds = groups.filter((g) => g.gold !== null && existing.has(ids.get(g.externalId)!));
  if (golds.length === 0) return;
  await execute(
    t.client,
    sql`UPDATE prompt_groups g SET gold = u.gold
        FROM unnest(${golds.map((g) => ids.get(g.externalId))}::int[], ${golds.map((g) => g.gold)}::text[]) u(id, gold)
        WHERE g.id = u.id AND g.gold IS NULL`,
  );
}

/** The stored samples of groups that existed before this batch, by group id. */
async function storedSamples(t: LoadTarget, groupIdList: number[]): Promise<Map<number, Stored>> {
  const out = new Map<number, Stored>();
  if (groupIdList.length === 0) return out;
  const rows = await queryTrusted<{ group_id: number; language: string; model: string | null; sample_index: number; hash: string }>(
    t.client,
    sql`SELECT group_id, language, model, sample_index, encode(content_hash, 'hex') AS hash FROM responses WHERE group_id = ANY(${groupIdList}::int[])`,
  );
  for (const r of rows) {
    let s = out.get(r.group_id);
    if (s === undefined) out.set(r.group_id, (s = { hashes: new Map(), lastSample: new Map() }));
    s.hashes.set(identityKey(r.language, r.model, r.sample_index), r.hash);
    s.lastSample.set(r.language, Math.max(s.lastSample.get(r.language) ?? -1, r.sample_index));
  }
  return out;
}

/** Sample index of each row to write (null = already stored with this text), or the conflicts that forbid the group. */
type Placement = { samples: (number | null)[] } | { conflicts: ImportIssue[] };

function placeRows(t: LoadTarget, g: PreparedGroup, stored: Stored | undefined): Placement {
  if (stored === undefined) return { samples: g.rows.map((r) => r.sampleIndex) };
  if (t.append) {
    const order = g.rows.map((_, i) => i).sort((a, b) => g.rows[a]!.sampleIndex - g.rows[b]!.sampleIndex || a - b);
    const next = new Map(stored.lastSample);
    const out: number[] = new Array(g.rows.length);
    for (const i of order) {
      const lang = g.rows[i]!.lang;
      const n = (next.get(lang) ?? -1) + 1;
      next.set(lang, n);
      out[i] = n;
    }
    return { samples: out };
  }
  const issues: ImportIssue[] = [];
  const out = g.rows.map((r) => {
    const hash = stored.hashes.get(identityKey(r.lang, r.model, r.sampleIndex));
    if (hash === undefined) return r.sampleIndex;
    if (hash !== r.hash) issues.push(sampleConflict(r));
    return null;
  });
  return issues.length > 0 ? { conflicts: issues } : { samples: out };
}

/**
 * Loads whole prompt groups (nested records) straight into the tables: groups and prompts by batched
 * upsert, responses by COPY. A response already stored with the same identity and text is skipped; with
 * another text the group's line is refused (`conflicts`), unless `append` adds every response as a new
 * sample after the stored ones. A refused group writes nothing, not even its prompts or gold.
 */
export async function loadCompleteGroups(
  t: LoadTarget,
  groups: GroupHead[],
  prepared: PreparedGroup[],
  conflicts: ImportIssue[],
): Promise<LoadCounts> {
  if (groups.length === 0) return { groups: 0, prompts: 0, responses: 0, duplicates: 0 };
  const { ids, existing } = await groupIds(t, groups);
  const stored = await storedSamples(t, [...existing]);
  const placed = prepared.map((g) => placeRows(t, g, stored.get(ids.get(g.externalId)!)));
  const refused = new Set<string>();
  placed.forEach((p, i) => {
    if ("conflicts" in p) {
      conflicts.push(...p.conflicts);
      refused.add(prepared[i]!.externalId);
    }
  });
  const kept = groups.filter((g) => !refused.has(g.externalId));
  await setMissingGolds(t, kept, ids, existing);
  const p = { group: [] as number[], lang: [] as string[], text: [] as string[], mt: [] as boolean[] };
  for (const g of kept) {
    const id = ids.get(g.externalId)!;
    for (const prompt of g.prompts) {
      p.group.push(id);
      p.lang.push(prompt.lang);
      p.text.push(prompt.text);
      p.mt.push(prompt.machineTranslated);
    }
  }
  const prompts = await execute(
    t.client,
    sql`INSERT INTO prompt_texts (dataset_id, group_id, language, text, machine_translated)
     SELECT ${t.datasetId}, * FROM unnest(${p.group}::int[], ${p.lang}::text[], ${p.text}::text[], ${p.mt}::bool[])
     ON CONFLICT (group_id, language) DO NOTHING`,
  );
  const cols: Cell[][] = RESPONSE_COLUMNS.map(() => []);
  const heads: string[] = [];
  const records: Buffer[] = [];
  const tails: Buffer[] = [];
  let duplicates = 0;
  let written = 0;
  prepared.forEach((g, gi) => {
    const placement = placed[gi]!;
    if (refused.has(g.externalId) || !("samples" in placement)) return;
    const id = ids.get(g.externalId)!;
    const { samples } = placement;
    g.rows.forEach((row, ri) => {
      const sample = samples[ri];
      if (sample === null || sample === undefined) {
        duplicates++;
        return;
      }
      written++;
      if (Buffer.isBuffer(row.record)) {
        heads.push(`${t.datasetId}\t${id}\t${sample}\t`);
        records.push(row.record);
        tails.push(row.derived as Buffer);
      } else {
        let c = 0;
        for (const cell of [t.datasetId, id, sample]) cols[c++]!.push(cell);
        for (const cell of row.record) cols[c++]!.push(cell);
        for (const cell of row.derived as Cell[]) cols[c++]!.push(cell);
      }
    });
  });
  if (t.copy) await copyRows(t.client, "responses", RESPONSE_COLUMNS, copyPayload(heads, records, tails));
  else await writeRows(t.client, false, "responses", RESPONSE_COLUMNS, cols);
  const groupsAdded = kept.filter((g) => !existing.has(ids.get(g.externalId)!)).length;
  return { groups: groupsAdded, prompts, responses: written, duplicates };
}
