/**
 * The HS 2022 nomenclature over GraphQL: the tree 27 → 2709 → 270900 with sections, the filtered list, codes
 * at 2, 4 and 6 digits, and the errors for malformed and unknown codes. Children and parents come from the
 * in-memory reference data: no statement per code.
 */
import { startTestServer, type TestServer } from "./harness";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(() => server?.close());

const codes = (list: Array<{ hsCode: string }>) => list.map((c) => c.hsCode);
const errorOf = (body: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => body.errors?.[0]?.extensions;

describe("the commodity tree", () => {
  it("walks 27 → 2709 → 270900 and back, with levels and the section, in no statement", async () => {
    const { body, statements } = await server.gql<{ commodity: any }>(`{
      commodity(hsCode: "27") {
        hsCode level description parent { hsCode } section { code position name }
        children {
          hsCode level parent { hsCode }
          children { hsCode level description parent { hsCode parent { hsCode } } children { hsCode } section { code } }
        }
      }
    }`);
    expect(body.errors).toBeUndefined();
    expect(statements).toBe(0);
    const chapter = body.data!.commodity;
    expect(chapter).toMatchObject({ hsCode: "27", level: 2, parent: null, section: { code: "V", position: 5, name: "Mineral products" } });
    expect(chapter.description).toMatch(/^Mineral fuels, mineral oils/);
    expect(codes(chapter.children)).toEqual(["2701", "2702", "2703", "2704", "2705", "2706", "2707", "2708", "2709", "2710", "2711", "2712", "2713", "2714", "2715", "2716"]);
    const crude = chapter.children.find((c: { hsCode: string }) => c.hsCode === "2709");
    expect(crude).toMatchObject({ level: 4, parent: { hsCode: "27" } });
    expect(crude.children).toEqual([
      {
        hsCode: "270900",
        level: 6,
        description: expect.stringMatching(/crude$/),
        parent: { hsCode: "2709", parent: { hsCode: "27" } },
        children: [],
        section: { code: "V" },
      },
    ]);
  });

  it("gives chapter 99 (not specified according to kind) no section", async () => {
    const { body } = await server.gql<{ commodity: unknown }>(`{ commodity(hsCode: "99") { level section { code } children { hsCode } } }`);
    expect(body.data!.commodity).toEqual({ level: 2, section: null, children: [{ hsCode: "9999" }] });
  });

  it("answers null for a well-formed code outside the nomenclature and an error for a malformed one", async () => {
    expect((await server.gql(`{ commodity(hsCode: "2799") { hsCode } }`)).body.data).toEqual({ commodity: null });
    const { body } = await server.gql(`{ commodity(hsCode: "270") { hsCode } }`);
    expect(errorOf(body)).toMatchObject({ code: "INVALID_COMMODITY_CODE", field: "hsCode" });
  });
});

describe("commodities", () => {
  it("lists the 97 chapters by default (not 7,000 codes), in one statement", async () => {
    const { body, statements } = await server.gql<{ commodities: Array<{ hsCode: string; level: number }> }>(`{ commodities { hsCode level } }`);
    expect(body.errors).toBeUndefined();
    expect(statements).toBe(1);
    const list = body.data!.commodities;
    expect(list).toHaveLength(97);
    expect(list.every((c) => c.level === 2)).toBe(true);
    expect(list[0]!.hsCode).toBe("01");
    expect(list.at(-1)!.hsCode).toBe("99");
  });

  it("filters by parent, level and search, at most `first`", async () => {
    const byParent = await server.gql<{ commodities: Array<{ hsCode: string }> }>(`{ commodities(parent: "2710") { hsCode } }`);
    expect(codes(byParent.body.data!.commodities)).toEqual(["271012", "271019", "271020", "271091", "271099"]);
    const subheadings = await server.gql<{ commodities: Array<{ hsCode: string }> }>(`{ commodities(level: 6, first: 1000) { hsCode } }`);
    expect(subheadings.body.data!.commodities).toHaveLength(1000);
    const searched = await server.gql<{ commodities: Array<{ hsCode: string }> }>(`{ commodities(search: "HAZELNUTS", level: 6) { hsCode } }`);
    expect(codes(searched.body.data!.commodities)).toEqual(["080221", "080222"]);
    const prefix = await server.gql<{ commodities: Array<{ hsCode: string }> }>(`{ commodities(search: "2709") { hsCode } }`);
    expect(codes(prefix.body.data!.commodities)).toEqual(["2709", "270900"]);
  });

  it("rejects a bad level, a bad `first` and an unknown parent with codes", async () => {
    expect(errorOf((await server.gql(`{ commodities(level: 3) { hsCode } }`)).body)).toMatchObject({ code: "BAD_USER_INPUT", field: "level" });
    expect(errorOf((await server.gql(`{ commodities(first: 1001) { hsCode } }`)).body)).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(errorOf((await server.gql(`{ commodities(parent: "2799") { hsCode } }`)).body)).toMatchObject({ code: "UNKNOWN_COMMODITY", field: "parent" });
    expect(errorOf((await server.gql(`{ commodities(parent: "27a") { hsCode } }`)).body)).toMatchObject({ code: "INVALID_COMMODITY_CODE", field: "parent" });
  });
});
