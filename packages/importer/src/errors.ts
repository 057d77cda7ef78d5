import type { ImportIssue } from "./types";

/** A problem that stops the whole import (empty file, unusable header, no reference data…): nothing is written. */
export class FatalImportError extends Error {
  constructor(readonly issue: ImportIssue) {
    super(issue.message);
  }
}
