import { parseOptions } from "../options";

describe("parseOptions", () => {
  it("takes --records as another name for --rows", () => {
    expect(parseOptions(["--records", "10000000"]).rows).toBe(10_000_000);
    expect(parseOptions(["--rows", "200000"]).rows).toBe(200_000);
    expect(parseOptions([]).rows).toBe(1_000_000);
  });

  it("refuses both, and a count that is not a whole number", () => {
    expect(() => parseOptions(["--rows", "1", "--records", "2"])).toThrow(/another name for --rows/);
    expect(() => parseOptions(["--records", "10M"])).toThrow(/--records takes a whole number/);
  });
});
