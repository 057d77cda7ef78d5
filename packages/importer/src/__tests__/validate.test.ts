import { ISO_COUNTRIES } from "@tradegraph/domain";
import { validateComtrade } from "../validate/comtrade";
import { kilograms, RowError, tonnes, usd, type ReferenceData } from "../validate/fields";
import { parseFlags, validateNative } from "../validate/native";

const ref: ReferenceData = {
  countries: new Set(ISO_COUNTRIES.map((c) => c.code)),
  commodities: new Set(["2701", "2709", "2710", "2711", "2716"]),
};

function rowError(run: () => unknown): { code: string; field?: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof RowError) return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
  throw new Error("expected a RowError");
}

const native = { exporter: "AZ", importer: "IL", commodity: "2709", period: "2024-01", quantityTonnes: "523500", valueUsd: "297000000" };

describe("figures", () => {
  it("keep exact decimals and convert kilograms", () => {
    expect(tonnes("1210000.5", "q")).toBe("1210000.500");
    expect(tonnes(" 3 ", "q")).toBe("3.000");
    expect(tonnes("", "q")).toBeNull();
    expect(kilograms("41250500.4", "netWgt")).toBe("41250.500");
    expect(usd("688500000.505", "v")).toBe("688500000.51");
    expect(usd(12, "v")).toBe("12.00");
  });

  it.each([
    ["12t", "INVALID_QUANTITY"],
    ["1,234", "INVALID_QUANTITY"],
    ["0x10", "INVALID_QUANTITY"],
    ["-5", "INVALID_QUANTITY"],
    ["1e16", "INVALID_QUANTITY"],
  ])("reject quantity %s with %s", (value, code) => {
    expect(rowError(() => tonnes(value, "quantityTonnes"))).toMatchObject({ code, field: "quantityTonnes" });
  });

  it("reject negative and non-numeric values", () => {
    expect(rowError(() => usd("-1", "valueUsd")).code).toBe("INVALID_AMOUNT");
    expect(rowError(() => usd("n/a", "valueUsd")).code).toBe("INVALID_AMOUNT");
  });
});

describe("native rows", () => {
  it("normalise codes, periods and flags", () => {
    expect(validateNative({ ...native, exporter: "aze", importer: "isr", period: "202401", flags: "valueApproximate | quantityEstimated", reportedRank: "1" }, ref)).toEqual({
      exporterCode: "AZ",
      importerCode: "IL",
      commodityCode: "2709",
      // Without frequency, flow and reporter (the old format): a monthly export reported by the exporter.
      frequency: "MONTHLY",
      period: "2024-01",
      reporterCode: "AZ",
      flow: "EXPORT",
      quantityTonnes: "523500.000",
      valueUsd: "297000000.00",
      // Without the value columns (the old format): the USD value, no CIF/FOB value, no supplementary quantity.
      value: "297000000.00",
      currency: "USD",
      cifValue: null,
      fobValue: null,
      supplementaryQuantity: null,
      supplementaryUnit: null,
      quantityApproximate: false,
      valueApproximate: true,
      quantityEstimated: true,
      valueEstimated: false,
      supplementaryQuantityEstimated: false,
      reportedRank: 1,
    });
    expect(validateNative({ ...native, frequency: "ANNUAL", period: "2023", flow: "import", reporter: "ISR" }, ref)).toMatchObject({
      frequency: "ANNUAL",
      period: "2023",
      reporterCode: "IL",
      flow: "IMPORT",
    });
    expect(parseFlags(["quantityApproximate", "VALUEESTIMATED"])).toMatchObject({ quantityApproximate: true, valueEstimated: true });
  });

  it.each([
    [{ importer: "XX" }, "UNKNOWN_COUNTRY", "importer"],
    [{ importer: "I1" }, "INVALID_COUNTRY_CODE", "importer"],
    [{ exporter: "" }, "MISSING_VALUE", "exporter"],
    [{ frequency: "weekly" }, "INVALID_FREQUENCY", "frequency"],
    [{ flow: "transit" }, "INVALID_FLOW", "flow"],
    [{ reporter: "IL" }, "REPORTER_MISMATCH", "reporter"],
    [{ frequency: "ANNUAL" }, "INVALID_PERIOD", "period"],
    [{ period: "2023" }, "INVALID_PERIOD", "period"],
    [{ commodity: "9999" }, "UNKNOWN_COMMODITY", "commodity"],
    [{ commodity: "27O9" }, "INVALID_COMMODITY_CODE", "commodity"],
    [{ period: "2024-13" }, "INVALID_PERIOD", "period"],
    [{ period: "2024" }, "INVALID_PERIOD", "period"],
    [{ importer: "AZ" }, "SAME_COUNTRY", "importer"],
    [{ quantityTonnes: "", valueUsd: "" }, "MISSING_FIGURES", "quantityTonnes"],
    [{ flags: "roughly" }, "INVALID_FLAG", "flags"],
    [{ reportedRank: "0" }, "INVALID_RANK", "reportedRank"],
    [{ value: "-1" }, "INVALID_AMOUNT", "value"],
    [{ valueUsd: "", value: "-1", currency: "EUR" }, "INVALID_AMOUNT", "value"],
    [{ cifValue: "-0.5" }, "INVALID_AMOUNT", "cifValue"],
    [{ fobValue: "1,000" }, "INVALID_AMOUNT", "fobValue"],
    [{ currency: "EURO" }, "INVALID_CURRENCY", "currency"],
    [{ currency: "€" }, "INVALID_CURRENCY", "currency"],
    [{ currency: "EUR" }, "CURRENCY_MISMATCH", "valueUsd"],
    [{ value: "297000001" }, "VALUE_MISMATCH", "value"],
    [{ supplementaryUnit: "u" }, "UNIT_WITHOUT_QUANTITY", "supplementaryUnit"],
    [{ supplementaryQuantity: "12" }, "MISSING_UNIT", "supplementaryUnit"],
    [{ supplementaryQuantity: "-12", supplementaryUnit: "u" }, "INVALID_QUANTITY", "supplementaryQuantity"],
    [{ supplementaryQuantity: "12", supplementaryUnit: "thousand kilowatt-hours" }, "INVALID_UNIT", "supplementaryUnit"],
    [{ quantityTonnes: "", valueUsd: "", cifValue: "10" }, "MISSING_FIGURES", "quantityTonnes"],
  ])("reject %j with %s", (change, code, field) => {
    expect(rowError(() => validateNative({ ...native, ...change }, ref))).toMatchObject({ code, field });
  });

  it("keep a value in its own currency, CIF and FOB values and a supplementary quantity", () => {
    const eur = { ...native, frequency: "A", period: "2023", flow: "IMPORT", quantityTonnes: "11300000", valueUsd: "", value: "6800000000", currency: "eur", cifValue: "6800000000" };
    expect(validateNative(eur, ref)).toMatchObject({ value: "6800000000.00", currency: "EUR", valueUsd: null, cifValue: "6800000000.00", fobValue: null });
    // A EUR row with a value and nothing else has figures.
    expect(validateNative({ ...eur, quantityTonnes: "", cifValue: "" }, ref)).toMatchObject({ value: "6800000000.00", quantityTonnes: null });
    // In USD, value alone is the USD value; both may be given when equal.
    expect(validateNative({ ...native, valueUsd: "", value: "297000000" }, ref)).toMatchObject({ value: "297000000.00", valueUsd: "297000000.00", currency: "USD" });
    expect(validateNative({ ...native, value: "297000000.001", currency: "USD" }, ref)).toMatchObject({ value: "297000000.00", valueUsd: "297000000.00" });
    expect(
      validateNative({ ...native, supplementaryQuantity: "120", supplementaryUnit: " u ", fobValue: "1990.5", flags: "supplementaryQuantityEstimated" }, ref),
    ).toMatchObject({ supplementaryQuantity: "120.000", supplementaryUnit: "u", supplementaryQuantityEstimated: true, fobValue: "1990.50" });
  });

  it("name the known commodities when one is unknown", () => {
    expect(rowError(() => validateNative({ ...native, commodity: "270900" }, ref)).message).toContain("known: 2701, 2709, 2710, 2711, 2716");
  });
});

describe("Comtrade rows", () => {
  const base = { reporterISO: "AZE", partnerISO: "ISR", flowCode: "X", cmdCode: "2709", period: "202401", netWgt: "523500000", primaryValue: "297000000" };

  it("read exports as reporter → partner and imports as partner → reporter, in tonnes", () => {
    expect(validateComtrade(base, ref)).toEqual({
      row: expect.objectContaining({ exporterCode: "AZ", importerCode: "IL", period: "2024-01", quantityTonnes: "523500.000", valueUsd: "297000000.00" }),
    });
    expect(validateComtrade({ ...base, reporterISO: "ITA", partnerISO: "KAZ", flowCode: "M" }, ref)).toEqual({
      row: expect.objectContaining({ exporterCode: "KZ", importerCode: "IT", reporterCode: "IT", flow: "IMPORT" }),
    });
    // Re-exports keep the reporter → partner orientation, re-imports the partner → reporter one.
    expect(validateComtrade({ ...base, flowCode: "RX" }, ref)).toEqual({
      row: expect.objectContaining({ exporterCode: "AZ", importerCode: "IL", reporterCode: "AZ", flow: "RE_EXPORT" }),
    });
    expect(validateComtrade({ ...base, reporterISO: "ITA", partnerISO: "KAZ", flowCode: "RM" }, ref)).toEqual({
      row: expect.objectContaining({ exporterCode: "KZ", importerCode: "IT", reporterCode: "IT", flow: "RE_IMPORT" }),
    });
    // freqCode A, or a 4-digit period without freqCode: an annual observation.
    expect(validateComtrade({ ...base, freqCode: "A", period: "2023" }, ref)).toEqual({ row: expect.objectContaining({ frequency: "ANNUAL", period: "2023" }) });
    expect(validateComtrade({ ...base, period: "2023" }, ref)).toEqual({ row: expect.objectContaining({ frequency: "ANNUAL", period: "2023" }) });
    expect(validateComtrade({ ...base, isNetWgtEstimated: "True" }, ref)).toEqual({ row: expect.objectContaining({ quantityEstimated: true }) });
  });

  it("read the supplementary quantity with its unit, the CIF and FOB values, in USD", () => {
    const cars = { ...base, cmdCode: "2710", qtyUnitCode: "5", qtyUnitAbbr: "u", qty: "120", isQtyEstimated: "True", cifvalue: "", fobvalue: "2400000" };
    expect(validateComtrade(cars, ref)).toEqual({
      row: expect.objectContaining({
        supplementaryQuantity: "120.000",
        supplementaryUnit: "u",
        supplementaryQuantityEstimated: true,
        currency: "USD",
        valueUsd: "297000000.00",
        cifValue: null,
        fobValue: "2400000.00",
      }),
    });
    // N/A (unit code -1) with qty 0, and a unit named for a quantity Comtrade lacks: no supplementary quantity.
    for (const none of [{ qtyUnitCode: "-1", qtyUnitAbbr: "N/A", qty: "0" }, { qtyUnitAbbr: "l", qty: "" }, {}]) {
      expect(validateComtrade({ ...base, ...none, isQtyEstimated: "True" }, ref)).toEqual({
        row: expect.objectContaining({ supplementaryQuantity: null, supplementaryUnit: null, supplementaryQuantityEstimated: false }),
      });
    }
    expect(rowError(() => validateComtrade({ ...base, qtyUnitCode: "-1", qtyUnitAbbr: "N/A", qty: "5" }, ref))).toMatchObject({ code: "MISSING_UNIT", field: "qtyUnitAbbr" });
    expect(rowError(() => validateComtrade({ ...base, fobvalue: "-1" }, ref))).toMatchObject({ code: "INVALID_AMOUNT", field: "fobvalue" });
  });

  it.each([
    [{ partnerISO: "W00" }, "world", "partner W00"],
    [{ partnerISO: "", partnerCode: "0" }, "world", "partner 0"],
    [{ partnerISO: "_X" }, "notCountry", "partner _X"],
    [{ partnerISO: "X1" }, "notCountry", "partner X1"],
    [{ reporterISO: "EUR" }, "notCountry", "reporter EUR"],
    [{ flowCode: "DX" }, "otherFlow", "flow DX"],
    [{ motCode: "9" }, "breakdown", "motCode 9"],
    [{ partnerISO: "AZE", flowCode: "M" }, "sameCountry", "reporter AZE"],
  ])("skip %j as %s", (change, skip, detail) => {
    expect(validateComtrade({ ...base, ...change }, ref)).toEqual({ skip, detail });
  });

  it("reject bad values", () => {
    expect(rowError(() => validateComtrade({ ...base, cmdCode: "270900" }, ref))).toMatchObject({ code: "UNKNOWN_COMMODITY", field: "cmdCode" });
    expect(rowError(() => validateComtrade({ ...base, freqCode: "M", period: "2024" }, ref))).toMatchObject({ code: "INVALID_PERIOD", field: "period" });
    expect(rowError(() => validateComtrade({ ...base, freqCode: "A", period: "202401" }, ref))).toMatchObject({ code: "INVALID_PERIOD", field: "period" });
    expect(rowError(() => validateComtrade({ ...base, freqCode: "Q" }, ref))).toMatchObject({ code: "INVALID_FREQUENCY", field: "freqCode" });
    expect(rowError(() => validateComtrade({ ...base, netWgt: "-1" }, ref))).toMatchObject({ code: "INVALID_QUANTITY", field: "netWgt" });
    expect(rowError(() => validateComtrade({ ...base, isNetWgtEstimated: "maybe" }, ref)).code).toBe("INVALID_FLAG");
  });
});
