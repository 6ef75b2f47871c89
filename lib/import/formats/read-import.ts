import { detectContainer, kindFor } from "./detect";
import { readCsv } from "./csv";
import { readJsonLines } from "./jsonl";
import { readJsonValues } from "./json-values";
import { normaliseLanguage } from "./language";
import { readParquet, withParquetFile } from "./parquet";
import { RecordSink } from "./record-sink";
import { ImportFatalError, type OpenedSource, openSource } from "./source";
import type { DetectedFormat, ImportItem, ImportOptions, ImportProgress, ImportSource } from "./types";

export const DEFAULT_MAX_LINE_BYTES = 8 * 2 ** 20;
export const DEFAULT_MAX_FILE_BYTES = 8 * 2 ** 30;
const SNIFF_BYTES = 64 * 1024;

/**
 * One pass over an import source. Iterate it for single items, or `batches()` for arrays of items
 * (one array per input chunk: cheaper for a loader). It never throws: problems are items, and a
 * `fatal` item is always the last one. Single use.
 */
export class ImportReader implements AsyncIterable<ImportItem> {
  readonly progress: ImportProgress = { bytesRead: 0, totalBytes: null, records: 0, invalid: 0 };
  private started = false;
  private container: DetectedFormat["container"] | null = null;
  private gzip = false;
  private sink: RecordSink | null = null;

  constructor(
    private readonly source: ImportSource,
    private readonly options: ImportOptions = {},
  ) {}

  /** What was detected: null before the first batch; `kind` is null until the first JSON object. */
  get detected(): DetectedFormat | null {
    if (this.container === null) return null;
    return { container: this.container, kind: this.sink?.kind ?? null, gzip: this.gzip };
  }

  async *batches(): AsyncGenerator<ImportItem[]> {
    if (this.started) throw new Error("an ImportReader can be iterated only once");
    this.started = true;
    const pivot = normaliseLanguage(this.options.pivot ?? "en");
    const sink = new RecordSink(null, pivot ?? "en", this.progress);
    this.sink = sink;
    let opened: OpenedSource | null = null;
    try {
      if (pivot === null) throw new ImportFatalError(`the pivot language "${this.options.pivot}" is not a valid BCP-47 code`);
      opened = await openSource(this.source, this.progress, this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
      for await (const batch of this.read(opened, sink)) if (batch.length > 0) yield batch;
    } catch (error) {
      const fatal = error instanceof ImportFatalError ? error : new ImportFatalError(`unexpected error while reading: ${String(error)}`);
      yield [...sink.take(), { kind: "fatal", line: fatal.line, message: fatal.message }];
    } finally {
      await opened?.chunks.close();
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<ImportItem> {
    for await (const batch of this.batches()) yield* batch;
  }

  private async *read(opened: OpenedSource, sink: RecordSink): AsyncGenerator<ImportItem[]> {
    const maxLineBytes = this.options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    const head = await opened.chunks.peek(SNIFF_BYTES);
    const choice = detectContainer(opened.filename, head, this.options.format);
    sink.kind = kindFor(choice.container, this.options.format);
    this.container = choice.container;
    this.gzip = opened.gzip;
    const chunks = opened.chunks;
    if (choice.container === "jsonl") yield* readJsonLines(chunks, sink, maxLineBytes);
    else if (choice.container === "json") yield* readJsonValues(chunks, sink, maxLineBytes, choice.topLevel);
    else if (choice.container === "csv") yield* readCsv(chunks, sink, maxLineBytes);
    else {
      const plain = opened.plainFilePath;
      if (plain !== null) await chunks.close();
      yield* await withParquetFile(plain, chunks, (path) => readParquet(path, sink, this.progress, plain === null));
    }
  }
}

/** Reads and validates an import file; see ImportReader and README.md. */
export function readImport(source: ImportSource, options: ImportOptions = {}): ImportReader {
  return new ImportReader(source, options);
}
