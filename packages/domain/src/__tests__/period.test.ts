import { addMonths, bucketOf, bucketsBetween, dateToPeriod, monthsBetween, parsePeriod, parsePeriodRange, periodToDate } from "../index";

describe("parsePeriod", () => {
  it.each([
    ["2024-01", "2024-01"],
    ["202401", "2024-01"],
    [" 2024-12 ", "2024-12"],
  ])("reads %j as %s", (input, expected) => expect(parsePeriod(input)).toBe(expected));

  it.each(["2024-00", "2024-13", "2024-1", "24-01", "2024/01", "2024-01-15", "", "abcd-ef", "0999-01", "3000-01"])(
    "rejects %j with INVALID_PERIOD",
    (input) => expect(() => parsePeriod(input)).toThrow(expect.objectContaining({ code: "INVALID_PERIOD" })),
  );
});

describe("period ranges", () => {
  it("accepts a range of one month and rejects one that runs backwards", () => {
    expect(parsePeriodRange("2024-01", "2024-01")).toEqual({ from: "2024-01", to: "2024-01" });
    expect(() => parsePeriodRange("2024-02", "2024-01")).toThrow(expect.objectContaining({ code: "INVALID_PERIOD_RANGE" }));
  });

  it("lists months across a year boundary", () => {
    expect(monthsBetween({ from: "2023-11", to: "2024-02" })).toEqual(["2023-11", "2023-12", "2024-01", "2024-02"]);
  });

  it("adds and subtracts months", () => {
    expect(addMonths("2024-01", -1)).toBe("2023-12");
    expect(addMonths("2023-12", 13)).toBe("2025-01");
  });

  it("converts to and from the stored first-of-month UTC date", () => {
    expect(periodToDate("2024-01").toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(dateToPeriod(new Date("2024-02-29T23:00:00Z"))).toBe("2024-02");
  });

  it("buckets by quarter and year, clipping buckets to the range", () => {
    expect(bucketOf("2024-05", "QUARTER")).toBe("2024-Q2");
    expect(bucketOf("2024-05", "YEAR")).toBe("2024");
    expect(bucketsBetween({ from: "2023-12", to: "2024-04" }, "QUARTER")).toEqual([
      { bucket: "2023-Q4", from: "2023-12", to: "2023-12" },
      { bucket: "2024-Q1", from: "2024-01", to: "2024-03" },
      { bucket: "2024-Q2", from: "2024-04", to: "2024-04" },
    ]);
  });
});
