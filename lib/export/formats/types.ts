import type { RowGroupEncoder } from "./row-group-encoding";

/** One effective pair, as the database reader hands it to the serializers. */
export type ExportPair = {
  id: string;
  /** External prompt-group id (from the imported file). */
  promptId: string;
  /** Stable internal prompt-group id; the train/test split is keyed on it. */
  groupKey: string;
  lang: string;
  prompt: string;
  system?: string | null;
  chosen: string;
  rejected: string;
  enReference: string;
  scoreChosen: number;
  scoreRejected: number;
  margin: number;
  origin: "auto" | "human";
  status: string;
  runId: string | null;
  scorer: string;
  /** Team review, read only for the formats that carry it (`cm-align`); absent: nobody voted. */
  review?: ExportReview;
};

/** Which side a vote or verdict took, relative to the exported pair; `other`: a response no longer in the pair. */
export type ExportPreference = "chosen" | "rejected" | "tie" | "both_bad" | "other";

/** One reviewer's vote: `reviewer` is their email (null once the user is deleted), `at` an ISO UTC time. */
export type ExportVote = {
  reviewer: string | null;
  preferred: ExportPreference;
  reason: string | null;
  seconds: number | null;
  at: string;
};

/** The verdict that settled a disputed pair (the latest adjudication). */
export type ExportAdjudication = { adjudicator: string | null; preferred: ExportPreference; reason: string; at: string };

export type ExportReview = {
  consensus: "pending" | "unanimous" | "majority" | "disputed" | "adjudicated";
  /** In the order they were cast. */
  votes: ExportVote[];
  adjudication: ExportAdjudication | null;
};

export const EXPORT_FORMATS = ["trl", "trl-chat", "llama-factory", "llama-factory-sharegpt", "openrlhf", "cm-align", "parquet"] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type SplitName = "train" | "test";

export type SplitOptions = {
  /** Share of prompt groups (not pairs) that go to the test split, in [0, 1]. */
  testFraction: number;
  seed: number | string;
};

export type WriteExportOptions = {
  /** The pairs in order, one at a time or in batches (a batch costs one await instead of one per pair). */
  rows: AsyncIterable<ExportPair | readonly ExportPair[]>;
  format: ExportFormat;
  /** A file path for single-file formats without a split, otherwise a directory. */
  out: string;
  split?: SplitOptions;
  /** Export-wide system prompt, used for pairs whose own `system` is empty. */
  system?: string | null;
  datasetName: string;
  /** Snapshot of the run configuration, quoted in the Hugging Face dataset card. */
  runConfig?: Record<string, unknown>;
  /** Languages of the export, in the order the card and the counts list them. */
  languages: string[];
  /** Parquet tuning; the defaults suit the Hugging Face viewer. */
  parquet?: ParquetTuning;
};

export type ParquetTuning = {
  /** Most rows in one row group (default 10 000). */
  rowGroupRows?: number;
  /** Bytes of buffered text across all open Parquet files before the largest buffer is flushed (default 8 MiB). */
  bufferBudgetBytes?: number;
  /** Encodes each row group (default: on the calling thread); any encoder writes the same bytes. */
  encodeRowGroup?: RowGroupEncoder;
};

export type ManifestFile = {
  /** Relative to the export root: the directory, or the file's own directory in single-file mode. */
  path: string;
  sha256: string;
  bytes: number;
  /** Records in the file; 0 for metadata files (dataset_info.json, README.md). */
  rows: number;
};

export type SplitCounts = { train: number; test: number };

export type ExportManifest = {
  format: ExportFormat;
  layout: "file" | "directory";
  files: ManifestFile[];
  counts: Record<string, SplitCounts>;
};
