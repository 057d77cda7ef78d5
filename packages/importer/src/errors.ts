import type { ImportIssue } from "./types";

/** A problem that stops the whole import (empty file, unusable header, no reference data…): nothing is written. */
export class FatalImportError extends Error {
  constructor(readonly issue: ImportIssue) {
    super(issue.message);
  }
}

/** Why an import cannot start with the options it was given. */
export type ImportOptionErrorCode = "SOURCE_REQUIRED";

/** Options an import cannot run with (thrown before anything is written); `code` says which. */
export class ImportOptionError extends Error {
  override readonly name = "ImportOptionError";

  constructor(
    readonly code: ImportOptionErrorCode,
    message: string,
  ) {
    super(message);
  }
}
