import { ByteWriter, ParquetWriter, schemaFromColumnData, type ColumnSource } from "hyparquet-writer";
import type { RowGroup } from "hyparquet";
import type { ParquetRow } from "./records";

type ColumnSpec = { name: keyof ParquetRow; type: "STRING" | "DOUBLE"; longText?: true };

/**
 * Column order and types of the Hugging Face layout (the card's dataset_info.features mirrors it).
 * Long texts are unique per row: they are written PLAIN, without min/max statistics (both would
 * cost time and no reader uses them).
 */
export const PARQUET_COLUMNS: readonly ColumnSpec[] = [
  { name: "prompt", type: "STRING", longText: true },
  { name: "chosen", type: "STRING", longText: true },
  { name: "rejected", type: "STRING", longText: true },
  { name: "prompt_id", type: "STRING" },
  { name: "lang", type: "STRING" },
  { name: "score_chosen", type: "DOUBLE" },
  { name: "score_rejected", type: "DOUBLE" },
  { name: "margin", type: "DOUBLE" },
];

export const PARQUET_SCHEMA = schemaFromColumnData({
  columnData: PARQUET_COLUMNS.map((c) => ({ name: c.name, type: c.type, nullable: false, data: [] })),
});

/** A long-text column of one row group as UTF-8: value i is `bytes[ends[i - 1] ?? 0, ends[i])`. */
export type TextBytes = { bytes: Uint8Array; ends: Uint32Array };

/** One row group, column by column: plain data whose byte buffers can be moved to a thread. */
export type RowGroupInput = {
  prompt: TextBytes;
  chosen: TextBytes;
  rejected: TextBytes;
  promptId: string[];
  lang: string[];
  scoreChosen: number[];
  scoreRejected: number[];
  margin: number[];
};

/** Page indexes of a column chunk, as ParquetWriter keeps them until the footer. */
export type ChunkIndexes = ParquetWriter["pendingIndexes"][number];

/**
 * A row group's bytes as they go into the file, with its metadata. Offsets in the metadata count
 * from the start of `bytes` (`rebaseRowGroup` moves them to where the bytes land in the file).
 * `indexes[i].chunk` is `rowGroup.columns[i]` itself (structured cloning keeps that identity).
 */
export type EncodedRowGroup = { bytes: Uint8Array; rowGroup: RowGroup; indexes: ChunkIndexes[] };

/** Encodes a row group: where it runs (this thread or another) does not change a byte. */
export type RowGroupEncoder = (input: RowGroupInput) => Promise<EncodedRowGroup>;

/** The `PAR1` magic a new ParquetWriter writes before its first row group. */
const MAGIC_BYTES = 4;

function textValues({ bytes, ends }: TextBytes): Uint8Array[] {
  const values = new Array<Uint8Array>(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    values[i] = bytes.subarray(start, ends[i]);
    start = ends[i]!;
  }
  return values;
}

/** The row group's columns as the writer's sources (same order, types and options as PARQUET_COLUMNS). */
function columnSources(input: RowGroupInput): ColumnSource[] {
  const data: Record<ColumnSpec["name"], ColumnSource["data"]> = {
    prompt: textValues(input.prompt),
    chosen: textValues(input.chosen),
    rejected: textValues(input.rejected),
    prompt_id: input.promptId,
    lang: input.lang,
    score_chosen: input.scoreChosen,
    score_rejected: input.scoreRejected,
    margin: input.margin,
  };
  return PARQUET_COLUMNS.map((c) => ({
    name: c.name,
    type: c.type,
    nullable: false,
    data: data[c.name],
    ...(c.longText ? { encoding: "PLAIN" as const, statistics: false } : {}),
  }));
}

/** Encodes one row group (pages, Snappy, statistics) with a writer of its own; pure and synchronous. */
export function encodeRowGroup(input: RowGroupInput): EncodedRowGroup {
  const rows = input.margin.length;
  const textBytes = input.prompt.bytes.length + input.chosen.bytes.length + input.rejected.bytes.length;
  const writer = new ByteWriter(MAGIC_BYTES + textBytes + 64 * 1024);
  const parquet = new ParquetWriter({ writer, schema: PARQUET_SCHEMA });
  void parquet.write({ columnData: columnSources(input), rowGroupSize: rows });
  const encoded = { bytes: writer.getBytes().subarray(MAGIC_BYTES), rowGroup: parquet.row_groups[0]!, indexes: parquet.pendingIndexes };
  rebaseRowGroup(encoded, -MAGIC_BYTES);
  return encoded;
}

/** Moves every file offset in the row group's metadata by `by` bytes. */
export function rebaseRowGroup({ indexes }: EncodedRowGroup, by: number): void {
  const delta = BigInt(by);
  for (const { chunk, offsetIndex } of indexes) {
    chunk.file_offset += delta;
    const meta = chunk.meta_data;
    if (meta) {
      meta.data_page_offset += delta;
      if (meta.dictionary_page_offset !== undefined) meta.dictionary_page_offset += delta;
      if (meta.index_page_offset !== undefined) meta.index_page_offset += delta;
    }
    for (const page of offsetIndex?.page_locations ?? []) page.offset += delta;
  }
}

/** The input's buffers, to move to a thread instead of copying them. */
export const rowGroupInputBuffers = (input: RowGroupInput): ArrayBuffer[] =>
  [input.prompt, input.chosen, input.rejected].flatMap((t) => [t.bytes.buffer as ArrayBuffer, t.ends.buffer as ArrayBuffer]);

/** The output's byte buffer, to move back from a thread. */
export const encodedRowGroupBuffers = (encoded: EncodedRowGroup): ArrayBuffer[] => [encoded.bytes.buffer as ArrayBuffer];
