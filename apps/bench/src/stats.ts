/** Statistics and value comparison used by the report and the correctness pass. No I/O. */

/** The median of the finite numbers given; null when there are none. Even counts average the middle two. */
export function median(values: ReadonlyArray<number | null | undefined>): number | null {
  const sorted = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** a / b, or null when either is missing or b is zero. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return a / b;
}

/** Relative tolerance for numbers: sums of NUMERIC in SQL and of doubles in JavaScript differ in the last bits. */
export const RELATIVE_TOLERANCE = 1e-9;

function closeEnough(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b), 1);
}

/**
 * The first difference between two JSON-like values, as "path: expected … got …", or null when they are equal.
 * Numbers compare with a relative tolerance; objects compare by their keys (in any order); arrays by position.
 */
export function firstDifference(expected: unknown, actual: unknown, path = "$"): string | null {
  if (typeof expected === "number" && typeof actual === "number") {
    return closeEnough(expected, actual) ? null : `${path}: expected ${expected}, got ${actual}`;
  }
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual)) return `${path}: expected ${describe(expected)}, got ${describe(actual)}`;
    if (expected.length !== actual.length) return `${path}: expected ${expected.length} items, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const difference = firstDifference(expected[i], actual[i], `${path}[${i}]`);
      if (difference) return difference;
    }
    return null;
  }
  if (isObject(expected) && isObject(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    for (const key of keys) {
      if (!(key in expected)) return `${path}.${key}: unexpected (${describe(actual[key])})`;
      if (!(key in actual)) return `${path}.${key}: missing (expected ${describe(expected[key])})`;
      const difference = firstDifference(expected[key], actual[key], `${path}.${key}`);
      if (difference) return difference;
    }
    return null;
  }
  return Object.is(expected, actual) ? null : `${path}: expected ${describe(expected)}, got ${describe(actual)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** A number from a JSON value that may be a decimal string (PostGraphile's BigFloat), or null. */
export function toNumber(value: unknown): number | null {
  if (value == null) return null;
  const number = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(number)) throw new TypeError(`Not a number: ${JSON.stringify(value)}`);
  return number;
}

/** Competition ranks (1, 2, 2, 4) of values already sorted best first; null values get no rank. */
export function competitionRanks(sortedValues: ReadonlyArray<number | null>): Array<number | null> {
  let previous: number | null = null;
  let rank = 0;
  return sortedValues.map((value, index) => {
    if (value == null) return null;
    if (value !== previous) rank = index + 1;
    previous = value;
    return rank;
  });
}
