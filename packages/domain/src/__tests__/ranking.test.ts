import { checkDateRange, rankBy, shareOfTotal } from "../index";

describe("shareOfTotal", () => {
  it("is the fraction of the total, null for a zero or missing total", () => {
    expect(shareOfTotal(25, 100)).toBe(0.25);
    expect(shareOfTotal(5, 0)).toBeNull();
    expect(shareOfTotal(null, 10)).toBeNull();
  });
});

describe("rankBy", () => {
  const buyers = [
    { code: "TH", value: 100 },
    { code: "IT", value: 100 },
    { code: "IL", value: 297 },
    { code: "DE", value: null },
    { code: "GR", value: 50 },
  ];

  it("ranks by score descending, sharing ranks on ties, ordering ties by key, nulls last", () => {
    const ranked = rankBy(buyers, (b) => b.value, (b) => b.code);
    expect(ranked.map((r) => [r.rank, r.item.code])).toEqual([
      [1, "IL"],
      [2, "IT"],
      [2, "TH"],
      [4, "GR"],
      [5, "DE"],
    ]);
  });

  it("gives the same order whatever the input order", () => {
    const reversed = rankBy([...buyers].reverse(), (b) => b.value, (b) => b.code);
    expect(reversed.map((r) => r.item.code)).toEqual(["IL", "IT", "TH", "GR", "DE"]);
  });

  it("handles an empty list", () => expect(rankBy([], () => 1, () => "")).toEqual([]));
});

describe("checkDateRange", () => {
  it("accepts one-day and multi-day events and rejects an end before the start", () => {
    expect(() => checkDateRange(new Date("2024-02-16"), new Date("2024-02-18"))).not.toThrow();
    expect(() => checkDateRange(new Date("2024-02-16"), null)).not.toThrow();
    expect(() => checkDateRange(new Date("2024-02-18"), new Date("2024-02-16"))).toThrow(
      expect.objectContaining({ code: "INVALID_DATE_RANGE" }),
    );
    expect(() => checkDateRange(new Date("nope"), null)).toThrow(expect.objectContaining({ code: "INVALID_DATE_RANGE" }));
  });
});
