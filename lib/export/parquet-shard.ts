import { ByteWriter, ParquetWriter, schemaFromColumnData, type ColumnSource } from "hyparquet-writer";
import type { HashedFileSink } from "./file-sink";
import type { ParquetRow } from "./records";
import type { ManifestFile } from "./types";

type ColumnSpec = { name: keyof ParquetRow; type: "STRING" | "DOUBLE" };

/** Column order and types of the Hugging Face layout (the card's dataset_info.features mirrors it). */
export const PARQUET_COLUMNS: readonly ColumnSpec[] = [
  { name: "prompt", type: "STRING" },
  { name: "chosen", type: "STRING" },
  { name: "rejected", type: "STRING" },
  { name: "prompt_id", type: "STRING" },
  { name: "lang", type: "STRING" },
  { name: "score_chosen", type: "DOUBLE" },
  { name: "score_rejected", type: "DOUBLE" },
  { name: "margin", type: "DOUBLE" },
];

const SCHEMA = schemaFromColumnData({
  columnData: PARQUET_COLUMNS.map((c) => ({ name: c.name, type: c.type, nullable: false, data: [] })),
});

/** hyparquet-writer sink that hands each finished row group to the file and reuses its buffer. */
class RowGroupFlushingWriter extends ByteWriter {
  constructor(private readonly sink: HashedFileSink) {
    super(64 * 1024);
  }

  flush(): Promise<void> {
    const bytes = new Uint8Array(this.buffer, 0, this.index);
    this.index = 0;
    return this.sink.writeBytes(bytes);
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
      writer: new RowGroupFlushingWriter(sink),
      schema: SCHEMA,
      createdBy: "cm-align-studio",
    });
  }

  /** Adds a row; returns a promise when the row completed a row group that is being written. */
  async add(row: ParquetRow): Promise<void> {
    this.buffered.push(row);
    this.bufferedChars += row.prompt.length + row.chosen.length + row.rejected.length + row.prompt_id.length;
    if (this.buffered.length >= this.rowGroupRows) await this.flushRowGroup();
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
    }));
    this.sink.rows += rows.length;
    await this.parquet.write({ columnData, rowGroupSize: rows.length });
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
