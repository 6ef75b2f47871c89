import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";

import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from "hyparquet";

import { setOwn } from "./nested";
import type { RecordSink } from "./record-sink";
import { ImportFatalError } from "./source";
import type { ImportItem, ImportProgress } from "./types";
import { NotUtf8Text } from "./unicode-text";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** A string column's value; bytes that are not UTF-8 stay a NotUtf8Text, which validation refuses by row and column. */
function stringFromBytes(bytes: Uint8Array | undefined): string | NotUtf8Text | undefined {
  if (bytes === undefined) return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    return new NotUtf8Text(new TextDecoder().decode(bytes));
  }
}

/** A JSON column's value, parsed from its text; text that is not UTF-8 is kept as for strings. */
function jsonFromBytes(bytes: Uint8Array | undefined): unknown {
  const text = stringFromBytes(bytes);
  return typeof text === "string" ? JSON.parse(text) : text;
}

/** Parquet values as JSON would carry them: null → absent, safe bigint → number, Date → ISO text. */
export function parquetRowToRecord(row: Record<string, unknown>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const key in row) {
    let value = row[key];
    if (value === null || value === undefined) continue;
    if (typeof value === "bigint") value = Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    else if (value instanceof Date) value = value.toISOString();
    setOwn(record, key, value);
  }
  return record;
}

/** Parquet needs random access: a stream or gzip source is first spooled to a temporary file. */
export async function withParquetFile<T>(
  plainFilePath: string | null,
  chunks: AsyncIterable<Buffer>,
  read: (path: string) => AsyncGenerator<T>,
): Promise<AsyncGenerator<T>> {
  if (plainFilePath !== null) return read(plainFilePath);
  const dir = await mkdtemp(join(tmpdir(), "cm-import-"));
  const path = join(dir, "input.parquet");
  try {
    await pipeline(Readable.from(chunks), createWriteStream(path));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return (async function* () {
    try {
      yield* read(path);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })();
}

/** Flat rows from a Parquet file, one row group at a time; `line` is the 1-based row number. */
export async function* readParquet(
  path: string,
  sink: RecordSink,
  progress: ImportProgress,
  spooled: boolean,
): AsyncGenerator<ImportItem[]> {
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file).catch((error: unknown) => {
    throw new ImportFatalError(`not a readable Parquet file: ${(error as Error).message}`);
  });
  const totalRows = Number(metadata.num_rows);
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    const rows = await parquetReadObjects({ file, metadata, rowStart, rowEnd, parsers: { stringFromBytes, jsonFromBytes } }).catch(
      (error: unknown) => {
        throw new ImportFatalError(`cannot read Parquet rows ${rowStart + 1}–${rowEnd}: ${(error as Error).message}`, rowStart + 1);
      },
    );
    rows.forEach((row, i) => {
      const record = parquetRowToRecord(row);
      sink.record(rowStart + i + 1, record, () => record);
    });
    rowStart = rowEnd;
    if (!spooled && progress.totalBytes !== null && totalRows > 0) {
      progress.bytesRead = Math.round((progress.totalBytes * rowStart) / totalRows);
    }
    yield sink.take();
  }
  sink.finish();
  yield sink.take();
}
