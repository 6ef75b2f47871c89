import { type Options, parse, type Parser } from "csv-parse";

import type { FieldIssue } from "./schemas";

export interface CsvRecord {
  line: number;
  text: string;
  /** Set when the record failed before parsing (bad UTF-8, too long): it is not given to csv-parse. */
  issues: FieldIssue[] | null;
}

const CSV_MESSAGES: Record<string, string> = {
  CSV_INVALID_CLOSING_QUOTE: "invalid CSV: a closing quote must be followed by a comma or the end of the line",
  INVALID_OPENING_QUOTE: 'invalid CSV: a quote inside an unquoted field (quote the whole field and write "" for a quote)',
};
const FINAL_PADDING = "\n".repeat(16);
export const QUOTE_NOT_CLOSED = "invalid CSV: a quoted field is never closed";

function csvMessage(error: Error & { code?: string }): string {
  return CSV_MESSAGES[error.code ?? ""] ?? `invalid CSV: ${error.message.replace(/ (?:at|on) line \d+.*$/s, "")}`;
}

function newParser(): Parser {
  // A huge readable high-water mark keeps every write synchronous (no backpressure deferral).
  const options: Options & { readableHighWaterMark: number } = {
    record_delimiter: "\n",
    relax_column_count: true,
    skip_empty_lines: true,
    readableHighWaterMark: 2 ** 30,
  };
  const parser = parse(options);
  parser.on("error", () => {
    // Read synchronously from parser.errored after each write.
  });
  return parser;
}

/**
 * Splits whole records into fields with csv-parse, driven synchronously: records are written in
 * batches and read back in order, so the k-th row out belongs to the k-th record in. csv-parse
 * holds back the last few bytes it was given (up to the longest delimiter or trim character), so
 * at the end a run of empty lines, which it skips, pushes the last record out. A csv-parse error kills the parser: the record being parsed is blamed and the
 * records written after it are written again to a fresh parser.
 */
export class CsvFieldSplitter {
  private parser = newParser();
  /** Records not yet delivered, in file order; failed ones are delivered when their turn comes. */
  private readonly queue: CsvRecord[] = [];
  private unwritten: string[] = [];

  constructor(private readonly deliver: (record: CsvRecord, cells: string[] | null) => void) {}

  add(record: CsvRecord): void {
    this.queue.push(record);
    if (record.issues === null) this.unwritten.push(record.text);
  }

  /** Parses what was added; `final` also flushes the held-back last record. */
  flush(final: boolean): void {
    const texts = this.unwritten;
    this.unwritten = [];
    this.write(texts, final);
    if (!final) return;
    // Still queued after the final flush: a quote opened in the last record was never closed.
    for (let record = this.queue.shift(); record; record = this.queue.shift()) {
      this.deliver(record.issues ? record : { ...record, issues: [{ field: null, message: QUOTE_NOT_CLOSED }] }, null);
    }
  }

  private write(texts: string[], final: boolean): void {
    const body = texts.length > 0 ? `${texts.join("\n")}\n` : "";
    if (body !== "" || final) this.parser.write(final ? body + FINAL_PADDING : body);
    this.drain();
    const error = this.parser.errored;
    if (!error) return;
    this.deliverFailed();
    const culprit = this.queue.shift();
    if (culprit) this.deliver({ ...culprit, issues: [{ field: null, message: csvMessage(error) }] }, null);
    this.parser = newParser();
    this.write(
      this.queue.filter((record) => record.issues === null).map((record) => record.text),
      final,
    );
  }

  private drain(): void {
    for (let row = this.parser.read() as string[] | null; row !== null; row = this.parser.read() as string[] | null) {
      this.deliverFailed();
      const record = this.queue.shift();
      if (record) this.deliver(record, row);
    }
    this.deliverFailed();
  }

  private deliverFailed(): void {
    while (this.queue[0]?.issues) this.deliver(this.queue.shift() as CsvRecord, null);
  }
}
