export type {
  ExportFormat,
  ExportAdjudication,
  ExportManifest,
  ExportPair,
  ExportPreference,
  ExportReview,
  ExportVote,
  ManifestFile,
  ParquetTuning,
  SplitCounts,
  SplitName,
  SplitOptions,
  WriteExportOptions,
} from "./types";
export { EXPORT_FORMATS } from "./types";
export { FORMAT_SPECS } from "./formats";
export { ExportLayoutError, usesSingleFile } from "./layout";
export { assignSplit } from "./split";
export { previewRecordList, previewRecords, type PreviewOptions } from "./preview";
export { writeExport } from "./write-export";
