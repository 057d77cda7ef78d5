import { DomainError, ISO_COUNTRIES, isCountryCode, lookupCountry, parseCountryCode } from "../index";

describe("parseCountryCode", () => {
  it.each([
    ["AZ", "AZ"],
    ["az", "AZ"],
    ["AZE", "AZ"],
    ["aze", "AZ"],
    [" il ", "IL"],
    ["ISR", "IL"],
  ])("reads %j as %s", (input, expected) => {
    expect(parseCountryCode(input)).toBe(expected);
  });

  it.each(["", "A", "AZER", "A1", "12", "İL", "az-"])("rejects malformed %j with INVALID_COUNTRY_CODE", (input) => {
    expect(() => parseCountryCode(input)).toThrow(expect.objectContaining({ code: "INVALID_COUNTRY_CODE" }));
  });

  it.each(["XX", "ZZZ", "UK", "XK"])("rejects unassigned %j with UNKNOWN_COUNTRY", (input) => {
    expect(() => parseCountryCode(input)).toThrow(DomainError);
    expect(() => parseCountryCode(input)).toThrow(expect.objectContaining({ code: "UNKNOWN_COUNTRY" }));
  });

  it("answers isCountryCode without throwing", () => {
    expect(isCountryCode("am")).toBe(true);
    expect(isCountryCode("nope")).toBe(false);
  });
});

describe("ISO_COUNTRIES", () => {
  it("holds all 249 officially assigned ISO 3166-1 countries, sorted and unique", () => {
    expect(ISO_COUNTRIES).toHaveLength(249);
    const codes = ISO_COUNTRIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(249);
    expect([...codes].sort()).toEqual(codes);
  });

  it("carries alpha-3, numeric, region and subregion", () => {
    expect(lookupCountry("AZ")).toEqual(
      expect.objectContaining({ alpha3: "AZE", numeric: "031", name: "Azerbaijan", region: "Asia", subregion: "Western Asia" }),
    );
    expect(lookupCountry("AQ").subregion).toBeNull();
  });
});
