import { FORMAT_SPECS } from "./formats";
import { recordJson } from "./json-text";
import { buildRecord } from "./records";
import { renderRecords } from "./text-record-file";
import type { ExportFormat, ExportPair } from "./types";

export type PreviewOptions = {
  /** Export-wide system prompt, as passed to writeExport. */
  system?: string | null;
  /** How many records to show (default 3). */
  limit?: number;
};

/**
 * The first records exactly as the export file would hold them (for JSON arrays, a complete
 * array of just these records). Parquet has no text form: its rows are shown as JSON Lines.
 */
export function previewRecords(rows: readonly ExportPair[], format: ExportFormat, options: PreviewOptions = {}): string {
  const limit = Math.max(0, options.limit ?? 3);
  const records = rows.slice(0, limit).map((pair) => buildRecord(format, pair, { system: options.system }));
  const { container } = FORMAT_SPECS[format];
  return renderRecords(records, container === "parquet" ? "jsonl" : container);
}

/** The same first records one by one: the pair's language, the record, and its JSON as one line of the file. */
export function previewRecordList(
  rows: readonly ExportPair[],
  format: ExportFormat,
  options: PreviewOptions = {},
): { lang: string; record: object; line: string }[] {
  return rows.slice(0, Math.max(0, options.limit ?? 3)).map((pair) => {
    const record = buildRecord(format, pair, { system: options.system });
    return { lang: pair.lang, record, line: recordJson(record) };
  });
}
