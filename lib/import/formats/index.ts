export { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_LINE_BYTES, ImportReader, readImport } from "./read-import";
export { DEFAULT_REJECTS_LIMITS, formatError, rejectsWriter, type RejectsLimits, type RejectsWriter } from "./rejects";
export { contentHash } from "./hash";
export { normaliseLanguage } from "./language";
export type {
  DetectedFormat,
  ImportContainer,
  ImportFormat,
  ImportGroup,
  ImportIssue,
  ImportItem,
  ImportOptions,
  ImportProgress,
  ImportPrompt,
  ImportRecordKind,
  ImportResponse,
  ImportSource,
} from "./types";
