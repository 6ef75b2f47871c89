import { setImmediate as nextTurn } from "node:timers/promises";
import { ByteWriter, ParquetWriter, schemaFromColumnData, type ColumnSource } from "hyparquet-writer";
import type { HashedFileSink } from "./file-sink";
import type { ParquetRow } from "./records";
import type { ManifestFile } from "./types";

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

/**
 * One Parquet file written incrementally: rows are buffered until a row group is full
 * (or the shared memory budget asks for a flush), then encoded and streamed out.
 * Memory is bounded by one row group, never by the file.
 */
export class ParquetShard {
  private readonly parquet: ParquetWriter;
  private buffered: ParquetRow[] = [];
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

  /** Adds a row; returns a promise when the row completed a row group that is being written. */
  add(row: ParquetRow): Promise<void> | undefined {
    this.buffered.push(row);
    this.bufferedChars += row.prompt.length + row.chosen.length + row.rejected.length + row.prompt_id.length;
    return this.buffered.length >= this.rowGroupRows ? this.flushRowGroup() : undefined;
  }

  async flushRowGroup(): Promise<void> {
    const rows = this.buffered;
    if (rows.length === 0) return;
    this.buffered = [];
    this.bufferedChars = 0;
    const columnData: ColumnSource[] = PARQUET_COLUMNS.map((c) => ({
      name: c.name,
      type: c.type,
      nullable: false,
      data: rows.map((r) => r[c.name]),
      ...(c.longText ? { encoding: "PLAIN" as const, statistics: false } : {}),
    }));
    this.sink.rows += rows.length;
    await this.parquet.write({ columnData, rowGroupSize: rows.length });
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
