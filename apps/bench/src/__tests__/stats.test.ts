import { competitionRanks, firstDifference, median, ratio, toNumber } from "../stats";

describe("median", () => {
  it("takes the middle value of an odd count and the mean of the middle two of an even count", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it("ignores missing and non-finite values and is null without values", () => {
    expect(median([null, 5, undefined, NaN, 1])).toBe(3);
    expect(median([])).toBeNull();
    expect(median([null, undefined])).toBeNull();
  });
});

describe("ratio", () => {
  it("divides, and is null for a missing or zero denominator", () => {
    expect(ratio(150, 100)).toBe(1.5);
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(null, 2)).toBeNull();
    expect(ratio(2, undefined)).toBeNull();
  });
});

describe("firstDifference", () => {
  it("accepts equal values, objects in any key order and numbers within the relative tolerance", () => {
    expect(firstDifference({ a: 1, b: [1, "x", null] }, { b: [1, "x", null], a: 1 })).toBeNull();
    expect(firstDifference(297_000_000.12, 297_000_000.12 * (1 + 1e-12))).toBeNull();
    expect(firstDifference(0.1 + 0.2, 0.3)).toBeNull();
  });

  it("reports the path of the first difference", () => {
    expect(firstDifference({ rows: [{ v: 1 }, { v: 2 }] }, { rows: [{ v: 1 }, { v: 3 }] })).toBe("$.rows[1].v: expected 2, got 3");
    expect(firstDifference([1, 2], [1])).toBe("$: expected 2 items, got 1");
    expect(firstDifference({ a: 1 }, { a: 1, b: 2 })).toBe("$.b: unexpected (2)");
    expect(firstDifference({ a: 1, b: 2 }, { a: 1 })).toBe("$.b: missing (expected 2)");
    expect(firstDifference({ a: null }, { a: 0 })).toBe("$.a: expected null, got 0");
    expect(firstDifference("2024-01", "2024-02")).toBe('$: expected "2024-01", got "2024-02"');
  });

  it("tells numbers that differ beyond the tolerance apart", () => {
    expect(firstDifference(100, 100.001)).toMatch(/expected 100, got 100.001/);
  });
});

describe("toNumber", () => {
  it("reads numbers and decimal strings, keeps null", () => {
    expect(toNumber("523500.000")).toBe(523500);
    expect(toNumber(12.5)).toBe(12.5);
    expect(toNumber(null)).toBeNull();
    expect(toNumber(undefined)).toBeNull();
    expect(() => toNumber("abc")).toThrow(/Not a number/);
  });
});

describe("competitionRanks", () => {
  it("gives ties the same rank and skips the ranks they use (1, 2, 2, 4)", () => {
    expect(competitionRanks([9, 5, 5, 1])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([3, null])).toEqual([1, null]);
  });
});
