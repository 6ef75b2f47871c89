import { setImmediate as nextTurn } from "node:timers/promises";
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import type { HashedFileSink } from "./file-sink";
import {
  encodeRowGroup,
  PARQUET_SCHEMA,
  rebaseRowGroup,
  type EncodedRowGroup,
  type RowGroupEncoder,
  type RowGroupInput,
  type TextBytes,
} from "./row-group-encoding";
import type { ExportPair, ManifestFile } from "./types";

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

  /** Appends an encoded row group's bytes as one piece of their own, after what is buffered (no copy into the buffer). */
  appendPiece(bytes: Uint8Array): void {
    if (this.index > 0) this.spilled.push(new Uint8Array(this.buffer.slice(0, this.index)));
    this.index = 0;
    this.spilled.push(bytes);
    this.offset += bytes.length;
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
  /** The row group's bytes in earlier slabs; its bytes in the current slab start at `groupStart`. */
  private parts: Uint8Array[] = [];
  private ends: number[] = [];
  private total = 0;
  private slab = Buffer.allocUnsafeSlow(TEXT_SLAB_BYTES);
  private used = 0;
  private groupStart = 0;

  push(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8: with this much room `write` never truncates.
    const room = text.length * 3;
    if (this.used + room > this.slab.length) {
      if (this.used > this.groupStart) this.parts.push(this.slab.subarray(this.groupStart, this.used));
      this.slab = Buffer.allocUnsafeSlow(Math.max(TEXT_SLAB_BYTES, room));
      this.used = 0;
      this.groupStart = 0;
    }
    const bytes = this.slab.write(text, this.used, "utf8");
    this.used += bytes;
    this.total += bytes;
    this.ends.push(this.total);
  }

  /** Hands over the row group's bytes in one buffer of their own (movable to a thread) and starts a new row group. */
  take(): TextBytes {
    const bytes = new Uint8Array(this.total);
    let at = 0;
    for (const part of [...this.parts, this.slab.subarray(this.groupStart, this.used)]) {
      bytes.set(part, at);
      at += part.length;
    }
    const ends = Uint32Array.from(this.ends);
    this.parts = [];
    this.ends = [];
    this.total = 0;
    this.groupStart = this.used;
    return { bytes, ends };
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

  /** Hands over the buffered row group and starts a new one. */
  take(): RowGroupInput {
    const input: RowGroupInput = {
      prompt: this.prompt.take(),
      chosen: this.chosen.take(),
      rejected: this.rejected.take(),
      promptId: this.promptId,
      lang: this.lang,
      scoreChosen: this.scoreChosen,
      scoreRejected: this.scoreRejected,
      margin: this.margin,
    };
    this.promptId = [];
    this.lang = [];
    this.scoreChosen = [];
    this.scoreRejected = [];
    this.margin = [];
    return input;
  }
}

/** Encodes on the calling thread, then lets the event loop turn (the database reader may send its next fetch). */
export const encodeHere: RowGroupEncoder = async (input) => {
  const encoded = encodeRowGroup(input);
  await nextTurn();
  return encoded;
};

/**
 * One Parquet file written incrementally: rows are buffered column by column until a row group is
 * full (or the shared memory budget asks for a flush), then encoded (by `encode`, maybe on another
 * thread, while more rows are read) and streamed out in order. Memory is bounded by the row groups
 * buffered and being encoded, never by the file.
 */
export class ParquetShard {
  private readonly writer: SpillingWriter;
  private readonly parquet: ParquetWriter;
  private readonly buffered = new RowGroupColumns();
  /** Settles when every row group handed to the encoder so far is in the file. */
  private written: Promise<void> = Promise.resolve();
  bufferedChars = 0;

  constructor(
    private readonly sink: HashedFileSink,
    private readonly rowGroupRows: number,
    private readonly encode: RowGroupEncoder,
  ) {
    this.writer = new SpillingWriter(sink);
    this.parquet = new ParquetWriter({ writer: this.writer, schema: PARQUET_SCHEMA, createdBy: "cm-align-studio" });
  }

  /** Adds a pair's row; true when the row group is full (flush it). */
  add(pair: ExportPair): boolean {
    this.buffered.push(pair);
    this.bufferedChars += pair.prompt.length + pair.chosen.length + pair.rejected.length + pair.promptId.length;
    return this.buffered.rows >= this.rowGroupRows;
  }

  /** Hands the buffered rows to the encoder as a row group; the promise settles when its bytes are in the file. */
  flushRowGroup(): Promise<void> {
    const rows = this.buffered.rows;
    if (rows === 0) return this.written;
    this.bufferedChars = 0;
    this.sink.rows += rows;
    const encoding = this.encode(this.buffered.take());
    // Awaited below, in file order; until then a failure must not count as unhandled.
    encoding.catch(() => undefined);
    this.written = this.written.then(async () => this.append(await encoding));
    this.written.catch(() => undefined);
    return this.written;
  }

  /** Puts an encoded row group where the file stands and records it for the footer. */
  private async append(encoded: EncodedRowGroup): Promise<void> {
    rebaseRowGroup(encoded, this.writer.offset);
    this.parquet.row_groups.push(encoded.rowGroup);
    this.parquet.pendingIndexes.push(...encoded.indexes);
    this.parquet.num_rows += encoded.rowGroup.num_rows;
    this.writer.appendPiece(encoded.bytes);
    await this.writer.flush();
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
