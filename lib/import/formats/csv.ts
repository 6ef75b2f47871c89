import { isUtf8 } from "node:buffer";

import { type CsvRecord, CsvFieldSplitter } from "./csv-fields";
import { csvRowToRecord, readCsvHeader } from "./csv-row";
import { type LineHandler, LineSplitter } from "./line-splitter";
import { messages } from "./messages";
import type { RecordSink } from "./record-sink";
import type { FieldIssue } from "./schemas";
import { ImportFatalError } from "./source";
import type { ImportItem } from "./types";

function countQuotes(text: string): number {
  let count = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) count++;
  return count;
}

/**
 * CSV with a header row. Lines are split and UTF-8-checked like JSONL; lines are joined into
 * records by quote parity (a record continues while a quoted field is open), so each record's first
 * line is known exactly; csv-parse then splits the record into fields. Inside quoted fields CRLF
 * becomes LF. Records longer than maxLineBytes are rejected without being kept in memory.
 */
export async function* readCsv(chunks: AsyncIterable<Buffer>, sink: RecordSink, maxLineBytes: number): AsyncGenerator<ImportItem[]> {
  const splitter = new LineSplitter(maxLineBytes);
  let header: string[] | null = null;
  let current: CsvRecord | null = null;
  let parts: string[] = [];
  let bytes = 0;
  let quoteOpen = false;

  const fields = new CsvFieldSplitter((record, cells) => {
    if (header === null) {
      if (record.issues !== null || cells === null) {
        throw new ImportFatalError(`the CSV header row: ${record.issues?.[0]?.message}`, record.line);
      }
      const result = readCsvHeader(cells);
      if (typeof result === "string") throw new ImportFatalError(result, record.line);
      header = result;
      return;
    }
    if (record.issues !== null || cells === null) return sink.invalid(record.line, record.issues ?? [], record.text);
    const row = csvRowToRecord(header, cells);
    if ("issue" in row) sink.invalid(record.line, [row.issue], record.text);
    else sink.record(record.line, row.record, () => record.text, false);
  });

  const completeRecord = () => {
    if (current === null) return;
    if (current.issues === null) current.text = parts.join("\n");
    fields.add(current);
    current = null;
    parts = [];
    bytes = 0;
  };

  const fail = (issue: FieldIssue) => {
    if (current === null) return;
    current.issues ??= [];
    current.issues.push(issue);
    parts = [];
  };

  const handler: LineHandler = {
    line(buf, start, end, lineNo) {
      const text = buf.toString("utf8", start, end);
      if (current === null) {
        if (text.trim() === "") return;
        current = { line: lineNo, text: "", issues: null };
      }
      if (!isUtf8(buf.subarray(start, end))) fail({ field: null, message: messages.notUtf8, line: lineNo });
      if (countQuotes(text) % 2 === 1) quoteOpen = !quoteOpen;
      bytes += end - start;
      if (current.issues === null && bytes > maxLineBytes) fail({ field: null, message: messages.recordTooLong(maxLineBytes) });
      if (current.issues === null) parts.push(text);
      else if (current.text === "") current.text = text;
      if (!quoteOpen) completeRecord();
    },
    tooLong(lineNo) {
      current ??= { line: lineNo, text: "", issues: null };
      fail({ field: null, message: messages.lineTooLong(maxLineBytes), line: lineNo });
      if (!quoteOpen) completeRecord();
    },
  };

  for await (const chunk of chunks) {
    splitter.push(chunk, handler);
    fields.flush(false);
    if (sink.size > 0) yield sink.take();
  }
  splitter.end(handler);
  completeRecord();
  fields.flush(true);
  if (header === null) throw new ImportFatalError("the CSV input is empty: a header row is required", null);
  sink.finish();
  yield sink.take();
}
