import type { ImportIssue } from "../types";

/** One record as read: CSV cells, or a JSON object (with its text), or why it could not be read. */
export type ReadRecord =
  | { line: number; cells: string[] }
  | { line: number; raw: string; values: Record<string, unknown> }
  | { line: number; raw: string; error: ImportIssue };
