export { importExportRecords } from "./import";
export { ImportOptionError } from "./errors";
export type { ImportOptionErrorCode } from "./errors";
export { MAX_REPORTED_ERRORS } from "./pipeline";
export { parseSourceArgument, SYNTHETIC_PUBLISHER } from "./write/source";
export { generateSynthetic, syntheticSource } from "./synthetic/generate";
export { loadSynthetic, removeSyntheticData, writeSyntheticCsv } from "./synthetic/load";
export type { ImportInput } from "./read/input";
export type { SyntheticOptions } from "./synthetic/generate";
export type {
  ExportRow,
  ImportErrorCode,
  ImportFormat,
  ImportIssue,
  ImportMode,
  ImportOptions,
  ImportProgress,
  ImportSummary,
  ImportWriter,
  RejectedRow,
  SkipReason,
  SourceInput,
} from "./types";
