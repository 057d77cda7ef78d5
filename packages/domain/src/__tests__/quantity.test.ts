import {
  BARRELS_PER_TONNE_CRUDE,
  kilogramsToTonnes,
  parseAmount,
  parseCurrency,
  parseHsCode,
  parseSupplementaryQuantity,
  parseUnit,
  parseTonnes,
  parseUsd,
  unitPricePerBarrel,
  unitPricePerTonne,
} from "../index";

describe("quantities and amounts", () => {
  it("converts Comtrade kilograms to tonnes", () => {
    expect(kilogramsToTonnes(523_500_000)).toBe(523_500);
    expect(kilogramsToTonnes(1_499)).toBe(1.499);
    expect(kilogramsToTonnes(0)).toBe(0);
  });

  it.each([-1, NaN, Infinity])("rejects %p tonnes or kilograms with INVALID_QUANTITY", (bad) => {
    expect(() => parseTonnes(bad)).toThrow(expect.objectContaining({ code: "INVALID_QUANTITY" }));
    expect(() => kilogramsToTonnes(bad)).toThrow(expect.objectContaining({ code: "INVALID_QUANTITY" }));
  });

  it("rounds USD to cents and rejects negative amounts", () => {
    expect(parseUsd(297_000_000.004)).toBe(297_000_000);
    expect(() => parseUsd(-0.01)).toThrow(expect.objectContaining({ code: "INVALID_AMOUNT" }));
  });
});

describe("unit prices", () => {
  it("prices the article's Azerbaijan → Israel crude at about 567 USD/t and 77 USD/bbl", () => {
    expect(unitPricePerTonne(297_000_000, 523_500)).toBeCloseTo(567.34, 2);
    expect(unitPricePerBarrel(297_000_000, 523_500, "2709")).toBeCloseTo(567.34 / BARRELS_PER_TONNE_CRUDE, 2);
  });

  it("is null when a figure is missing or the quantity is zero", () => {
    expect(unitPricePerTonne(null, 10)).toBeNull();
    expect(unitPricePerTonne(10, null)).toBeNull();
    expect(unitPricePerTonne(10, 0)).toBeNull();
  });

  it("gives no barrel price for commodities other than crude", () => {
    expect(unitPricePerBarrel(100, 1, "2710")).toBeNull();
    expect(unitPricePerBarrel(100, 1, "270900")).not.toBeNull();
  });
});

describe("parseHsCode", () => {
  it("accepts 2, 4 and 6 digit codes", () => {
    expect(parseHsCode("27")).toBe("27");
    expect(parseHsCode(" 2709 ")).toBe("2709");
    expect(parseHsCode("270900")).toBe("270900");
  });

  it.each(["270", "27a9", "", "2709000"])("rejects %j with INVALID_COMMODITY_CODE", (bad) => {
    expect(() => parseHsCode(bad)).toThrow(expect.objectContaining({ code: "INVALID_COMMODITY_CODE" }));
  });
});

describe("values in a currency", () => {
  it("keeps an amount in any currency to cents and refuses a negative one", () => {
    expect(parseAmount(6_800_000_000.004, "value")).toBe(6_800_000_000);
    expect(() => parseAmount(-1, "cifValue")).toThrow(expect.objectContaining({ code: "INVALID_AMOUNT", message: expect.stringContaining("cifValue") }));
  });

  it("reads ISO 4217-shaped codes, upper-cased", () => {
    expect(parseCurrency(" eur ")).toBe("EUR");
    expect(parseCurrency("USD")).toBe("USD");
  });

  it.each(["", "EURO", "E1R", "€", "US"])("rejects currency %j with INVALID_CURRENCY", (bad) => {
    expect(() => parseCurrency(bad)).toThrow(expect.objectContaining({ code: "INVALID_CURRENCY" }));
  });

  it("keeps a supplementary quantity to three decimals, not negative, within the column", () => {
    expect(parseSupplementaryQuantity(850.5004)).toBe(850.5);
    for (const bad of [-1, Number.NaN, 1e15]) expect(() => parseSupplementaryQuantity(bad)).toThrow(expect.objectContaining({ code: "INVALID_QUANTITY" }));
  });

  it("reads a supplementary unit as written, up to 16 characters", () => {
    expect(parseUnit(" m² ")).toBe("m²");
    expect(parseUnit("1000 kWh")).toBe("1000 kWh");
    for (const bad of ["", "   ", "a".repeat(17), "u\tv"]) expect(() => parseUnit(bad)).toThrow(expect.objectContaining({ code: "INVALID_UNIT" }));
  });
});
