import { setImmediate as nextTurn } from "node:timers/promises";
import { ByteWriter, ParquetWriter, schemaFromColumnData, type ColumnSource } from "hyparquet-writer";
import type { HashedFileSink } from "./file-sink";
import type { ParquetRow } from "./records";
import type { ExportPair, ManifestFile } from "./types";

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

const SCHEMA = schemaFromColumnData({
  columnData: PARQUET_COLUMNS.map((c) => ({ name: c.name, type: c.type, nullable: false, data: [] })),
});

/** Encoded bytes a file's writer holds before it sets them aside (one large page may exceed it). */
export const SPILL_BYTES = 1024 * 1024;

/**
 * hyparquet-writer sink whose buffer stops growing at about SPILL_BYTES: past it, the bytes so far
 * are set aside (copied) and the buffer is reused; a finished row group's pieces go to the file in
 * order. (A growing buffer would stay as large as the largest row group, in every open file.)
 */
class SpillingWriter extends ByteWriter {
  private spilled: Uint8Array[] = [];

  constructor(private readonly sink: HashedFileSink) {
    super(64 * 1024);
  }

  override ensure(size: number): void {
    if (this.index > 0 && this.index + size > SPILL_BYTES) {
      this.spilled.push(new Uint8Array(this.buffer.slice(0, this.index)));
      this.index = 0;
    }
    super.ensure(size);
  }

  async flush(): Promise<void> {
    const pieces = this.spilled;
    this.spilled = [];
    for (const piece of pieces) await this.sink.writeBytes(piece);
    const rest = new Uint8Array(this.buffer, 0, this.index);
    this.index = 0;
    await this.sink.writeBytes(rest);
  }

  override finish(): Promise<void> {
    return this.flush();
  }
}

/** Size of the byte slabs that hold a row group's long texts as UTF-8 (a longer text gets a slab of its own). */
const TEXT_SLAB_BYTES = 1024 * 1024;

/**
 * A long-text column of the row group being filled, held as UTF-8 bytes outside the JS heap. Each
 * text is encoded once, as it arrives, into a shared slab (the writer passes byte values through
 * unchanged and would otherwise encode every string into an allocation of its own); the strings
 * themselves can then die young instead of being kept, at two bytes a character, until the row
 * group is written. The bytes equal `TextEncoder`'s (lone surrogates become U+FFFD in both).
 */
class TextColumn {
  values: Uint8Array[] = [];
  private slab = Buffer.allocUnsafeSlow(TEXT_SLAB_BYTES);
  private used = 0;

  push(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8: with this much room `write` never truncates.
    const room = text.length * 3;
    if (this.used + room > this.slab.length) {
      this.slab = Buffer.allocUnsafeSlow(Math.max(TEXT_SLAB_BYTES, room));
      this.used = 0;
    }
    const bytes = this.slab.write(text, this.used, "utf8");
    this.values.push(this.slab.subarray(this.used, this.used + bytes));
    this.used += bytes;
  }

  /** Hands over the values and starts a new row group; earlier slabs stay alive only through them. */
  take(): Uint8Array[] {
    const values = this.values;
    this.values = [];
    return values;
  }
}

/** The row group being filled, column by column in PARQUET_COLUMNS order (no object per row). */
class RowGroupColumns {
  readonly prompt = new TextColumn();
  readonly chosen = new TextColumn();
  readonly rejected = new TextColumn();
  promptId: string[] = [];
  lang: string[] = [];
  scoreChosen: number[] = [];
  scoreRejected: number[] = [];
  margin: number[] = [];

  get rows(): number {
    return this.margin.length;
  }

  push(pair: ExportPair): void {
    this.prompt.push(pair.prompt);
    this.chosen.push(pair.chosen);
    this.rejected.push(pair.rejected);
    this.promptId.push(pair.promptId);
    this.lang.push(pair.lang);
    this.scoreChosen.push(pair.scoreChosen);
    this.scoreRejected.push(pair.scoreRejected);
    this.margin.push(pair.margin);
  }

  /** The buffered values as the writer's column sources (same order, types and options as PARQUET_COLUMNS). */
  take(): ColumnSource[] {
    const data: Record<ParquetColumnName, ColumnSource["data"]> = {
      prompt: this.prompt.take(),
      chosen: this.chosen.take(),
      rejected: this.rejected.take(),
      prompt_id: this.promptId,
      lang: this.lang,
      score_chosen: this.scoreChosen,
      score_rejected: this.scoreRejected,
      margin: this.margin,
    };
    this.promptId = [];
    this.lang = [];
    this.scoreChosen = [];
    this.scoreRejected = [];
    this.margin = [];
    return PARQUET_COLUMNS.map((c) => ({
      name: c.name,
      type: c.type,
      nullable: false,
      data: data[c.name],
      ...(c.longText ? { encoding: "PLAIN" as const, statistics: false } : {}),
    }));
  }
}

type ParquetColumnName = ColumnSpec["name"];

/**
 * One Parquet file written incrementally: rows are buffered column by column until a row group is
 * full (or the shared memory budget asks for a flush), then encoded and streamed out.
 * Memory is bounded by one row group, never by the file.
 */
export class ParquetShard {
  private readonly parquet: ParquetWriter;
  private readonly buffered = new RowGroupColumns();
  bufferedChars = 0;

  constructor(
    private readonly sink: HashedFileSink,
    private readonly rowGroupRows: number,
  ) {
    this.parquet = new ParquetWriter({
      writer: new SpillingWriter(sink),
      schema: SCHEMA,
      createdBy: "cm-align-studio",
    });
  }

  /** Adds a pair's row; returns a promise when the row completed a row group that is being written. */
  add(pair: ExportPair): Promise<void> | undefined {
    this.buffered.push(pair);
    this.bufferedChars += pair.prompt.length + pair.chosen.length + pair.rejected.length + pair.promptId.length;
    return this.buffered.rows >= this.rowGroupRows ? this.flushRowGroup() : undefined;
  }

  async flushRowGroup(): Promise<void> {
    const rows = this.buffered.rows;
    if (rows === 0) return;
    this.bufferedChars = 0;
    const columnData = this.buffered.take();
    this.sink.rows += rows;
    await this.parquet.write({ columnData, rowGroupSize: rows });
    // Encoding is synchronous; a turn of the event loop lets the database reader send its next fetch.
    await nextTurn();
  }

  async close(): Promise<ManifestFile> {
    await this.flushRowGroup();
    await this.parquet.finish();
    return this.sink.close();
  }

  abort(): Promise<void> {
    return this.sink.abort();
  }
}
