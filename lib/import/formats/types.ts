import type { Readable } from "node:stream";

/** Where the bytes come from. `filename` (or `path`) drives format detection; `size` feeds the progress bar. */
export type ImportSource = { path: string } | { stream: Readable | AsyncIterable<Uint8Array>; filename: string; size?: number };

/** `nested` / `flat` force the record shape (container still detected); `csv` means flat records in CSV. */
export type ImportFormat = "nested" | "flat" | "csv";

export interface ImportOptions {
  format?: ImportFormat;
  /** Language every prompt group must have a prompt in. Default `en`. */
  pivot?: string;
  /** Longest accepted line (JSONL, CSV) or record (JSON array), in bytes. Default 8 MiB. */
  maxLineBytes?: number;
  /** Largest accepted input, counted after gunzip. Default 8 GiB. */
  maxFileBytes?: number;
}

export type ImportContainer = "jsonl" | "json" | "csv" | "parquet";
export type ImportRecordKind = "nested" | "flat";

export interface DetectedFormat {
  container: ImportContainer;
  kind: ImportRecordKind | null;
  gzip: boolean;
}

export interface ImportPrompt {
  /** Canonical BCP-47 tag (`zh-CN`, never `ZH-cn`). */
  lang: string;
  text: string;
  machineTranslated: boolean;
}

export interface ImportResponse {
  lang: string;
  /** Given in the file, else the position in the group's list for that language (nested) or the
   *  order of appearance for that (prompt_id, lang) (flat). Unique per (group, lang) within one file. */
  sampleIndex: number;
  /** Exact text from the file (no trimming); may be empty. */
  text: string;
  model: string | null;
  /** Every response field other than text/model/sample (nested) or every unknown column (flat). */
  params: Record<string, unknown> | null;
  /** Hex sha256 of `text` encoded as UTF-8. */
  contentHash: string;
  line: number;
  /** Where the response is in its record, for messages: `responses.zh[2]` (nested), `response` (flat). */
  field: string;
}

/**
 * One emitted unit.
 * - nested input: a whole prompt group, `complete: true`.
 * - flat input (JSONL, JSON, CSV, Parquet): ONE response row with its prompt, `complete: false`;
 *   rows of one prompt_id may be anywhere in the file, and the loader merges them by `externalId`.
 */
export interface ImportGroup {
  /** First line (JSONL/CSV/JSON array) or 1-based row number (Parquet) of this record. */
  line: number;
  externalId: string;
  /** `null` means "not given here", never "erase". Flat rows of one group never disagree on it. */
  gold: string | null;
  prompts: ImportPrompt[];
  responses: ImportResponse[];
  /** Nested: `meta` plus unknown top-level fields. Flat: always `{}`. */
  meta: Record<string, unknown>;
  complete: boolean;
}

export interface ImportIssue {
  line: number;
  /** Path into the record, e.g. `responses.zh[2].text`; `null` when the whole line is at fault. */
  field: string | null;
  message: string;
}

export type ImportItem =
  | { kind: "group"; line: number; group: ImportGroup }
  | {
      kind: "invalid";
      line: number;
      issues: ImportIssue[];
      /** Original line text (JSONL, CSV), the element or row object (JSON array, Parquet), or null
       *  when it cannot be kept (over-long line, group-level check). */
      raw: string | Record<string, unknown> | null;
      /** Set for group-level failures found at end of a flat stream: every row of this external id
       *  emitted earlier is invalid too and must not be loaded. */
      invalidatesGroup: string | null;
    }
  | { kind: "fatal"; line: number | null; message: string };

export interface ImportProgress {
  /** Bytes consumed from the source as stored (compressed when gzip). */
  bytesRead: number;
  /** Size of the source as stored, when known. */
  totalBytes: number | null;
  records: number;
  invalid: number;
}
