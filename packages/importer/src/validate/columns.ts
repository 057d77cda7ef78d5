import type { ImportIssue } from "../types";

/** The columns a format reads. Header names match case-insensitively. */
export interface ColumnSpec {
  required: readonly string[];
  /** At least one column of each group must be present. */
  oneOf?: ReadonlyArray<readonly string[]>;
  optional: readonly string[];
  /** Whether columns outside the spec are an error (native format) or ignored (Comtrade). */
  allowOthers: boolean;
}

/** Header cell index by canonical column name. */
export type ColumnIndex = ReadonlyMap<string, number>;

/** Maps a header row onto the spec, or says what is wrong with it (a file-level issue on line 1). */
export function resolveHeader(header: readonly string[], spec: ColumnSpec, formatName: string): { index: ColumnIndex } | { issue: ImportIssue } {
  const known = new Map([...spec.required, ...spec.optional].map((name) => [name.toLowerCase(), name]));
  const index = new Map<string, number>();
  for (const [i, cell] of header.entries()) {
    const name = known.get(cell.trim().toLowerCase());
    if (!name) {
      if (spec.allowOthers) continue;
      return {
        issue: {
          line: 1,
          field: cell,
          code: "UNKNOWN_COLUMN",
          message: `Column "${cell}" is not part of the ${formatName} format; its columns are ${[...spec.required, ...spec.optional].join(", ")}.`,
        },
      };
    }
    if (index.has(name)) {
      return { issue: { line: 1, field: name, code: "DUPLICATE_COLUMN", message: `Column "${name}" appears more than once in the header.` } };
    }
    index.set(name, i);
  }
  const missing = spec.required.filter((name) => !index.has(name));
  for (const group of spec.oneOf ?? []) {
    if (!group.some((name) => index.has(name))) missing.push(group.join(" or "));
  }
  if (missing.length > 0) {
    return {
      issue: {
        line: 1,
        field: missing[0],
        code: "MISSING_COLUMN",
        message: `The header lacks ${missing.length === 1 ? "column" : "columns"} ${missing.join(", ")}, required by the ${formatName} format (header: ${header.join(",")}).`,
      },
    };
  }
  return { index };
}

/** A CSV record as an object keyed by canonical column names. */
export function pick(fields: readonly string[], index: ColumnIndex): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, i] of index) values[name] = fields[i] ?? "";
  return values;
}
