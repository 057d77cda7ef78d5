import { ISO_COUNTRIES, addMonths, periodToDate } from "@tradegraph/domain";
import { startTestServer, type TestServer } from "./harness";

let server: TestServer;
const RECORDS = 45;

beforeAll(async () => {
  server = await startTestServer();
  const { prisma } = server.db;
  const source = await prisma.source.create({ data: { publisher: "Test fixtures", title: "pagination" } });
  const importers = ISO_COUNTRIES.map((c) => c.code).filter((code) => code !== "TR");
  await prisma.exportRecord.createMany({
    data: Array.from({ length: RECORDS }, (_, i) => ({
      exporterCode: "TR",
      reporterCode: "TR",
      importerCode: importers[i]!,
      commodityCode: "2710",
      period: periodToDate(addMonths("2020-01", i % 12)),
      // Every fifth value missing, and some ties, to exercise NULL handling and tiebreaks.
      valueUsd: i % 5 === 0 ? null : 1000 * (i % 7),
      quantityTonnes: i,
      sourceId: source.id,
    })),
  });
}, 120_000);
afterAll(() => server?.close());

const PAGE = `query($filter: ExportRecordFilter, $first: Int, $after: String, $last: Int, $before: String, $order: ExportRecordOrder) {
  exportRecords(filter: $filter, first: $first, after: $after, last: $last, before: $before, orderBy: $order) {
    totalCount
    edges { cursor node { id valueUsd period } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

type PageResult = {
  exportRecords: {
    totalCount: number;
    edges: Array<{ cursor: string; node: { id: string; valueUsd: number | null; period: string } }>;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
};

const BY_EXPORTER: Record<string, unknown> = { exporter: "TR" };

async function page(variables: Record<string, unknown>, filter = BY_EXPORTER) {
  const response = await server.gql<PageResult>(PAGE, { filter, ...variables });
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.exportRecords;
}

async function walk(order: Record<string, string>, size: number, backward = false, filter = BY_EXPORTER) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  for (;;) {
    const result = await page(
      backward ? { last: size, before: cursor, order } : { first: size, after: cursor, order },
      filter,
    );
    pages += 1;
    const nodes = result.edges.map((e) => e.node.id);
    if (backward) ids.unshift(...nodes);
    else ids.push(...nodes);
    expect(result.totalCount).toBe(RECORDS);
    const more = backward ? result.pageInfo.hasPreviousPage : result.pageInfo.hasNextPage;
    const other = backward ? result.pageInfo.hasNextPage : result.pageInfo.hasPreviousPage;
    expect(other).toBe(pages > 1);
    if (!more) break;
    cursor = backward ? result.pageInfo.startCursor : result.pageInfo.endCursor;
  }
  return { ids, pages };
}

describe("Relay pagination of export records", () => {
  it.each([
    [{ field: "PERIOD", direction: "DESC" }],
    [{ field: "VALUE", direction: "DESC" }],
    [{ field: "VALUE", direction: "ASC" }],
    [{ field: "QUANTITY", direction: "ASC" }],
  ])("walks forward and backward through the same %j order, each record once", async (order) => {
    const all = await page({ first: 100, order });
    const expected = all.edges.map((e) => e.node.id);
    expect(expected).toHaveLength(RECORDS);
    expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });

    const forward = await walk(order, 10);
    expect(forward.pages).toBe(5);
    expect(forward.ids).toEqual(expected);
    const backward = await walk(order, 10, true);
    expect(backward.ids).toEqual(expected);
  });

  // A commodity's list picks its page's ids first (from the covering index), then reads the rows: the same order.
  it.each([
    [{ field: "PERIOD", direction: "DESC" }],
    [{ field: "VALUE", direction: "DESC" }],
    [{ field: "VALUE", direction: "ASC" }],
  ])("gives a commodity's records in the same %j order, page by page", async (order) => {
    const expected = (await page({ first: 100, order })).edges.map((e) => e.node.id);
    const byCommodity = { commodity: "2710" };
    expect((await page({ first: 100, order }, byCommodity)).edges.map((e) => e.node.id)).toEqual(expected);
    expect((await walk(order, 10, false, byCommodity)).ids).toEqual(expected);
    expect((await walk(order, 10, true, byCommodity)).ids).toEqual(expected);
  });

  it("puts records without a value last in both directions", async () => {
    for (const direction of ["ASC", "DESC"]) {
      const values = (await page({ first: 100, order: { field: "VALUE", direction } })).edges.map((e) => e.node.valueUsd);
      const firstNull = values.indexOf(null);
      expect(values.slice(firstNull).every((v) => v === null)).toBe(true);
      const numbers = values.slice(0, firstNull) as number[];
      expect(numbers).toEqual([...numbers].sort((a, b) => (direction === "ASC" ? a - b : b - a)));
    }
  });

  it("keeps cursors stable when records are added before them", async () => {
    const first = await page({ first: 10, order: { field: "QUANTITY", direction: "ASC" } });
    const next = await page({ first: 5, after: first.pageInfo.endCursor, order: { field: "QUANTITY", direction: "ASC" } });
    const source = await server.db.prisma.source.findFirstOrThrow({ where: { title: "pagination" } });
    const extra = await server.db.prisma.exportRecord.create({
      data: { exporterCode: "TR", importerCode: "ZW", reporterCode: "TR", commodityCode: "2711", period: periodToDate("2020-01"), quantityTonnes: -0 + 0.5, sourceId: source.id },
    });
    try {
      const again = await page({ first: 5, after: first.pageInfo.endCursor, order: { field: "QUANTITY", direction: "ASC" } });
      expect(again.edges.map((e) => e.node.id)).toEqual(next.edges.map((e) => e.node.id));
    } finally {
      await server.db.prisma.exportRecord.delete({ where: { id: extra.id } });
    }
  });

  it.each([
    [{ first: 0 }, "first"],
    [{ first: 101 }, "first"],
    [{ first: -1 }, "first"],
    [{ last: 101 }, "last"],
    [{ first: 5, last: 5 }, "first"],
  ])("rejects %j with INVALID_PAGINATION", async (variables, field) => {
    const { status, body } = await server.gql(PAGE, variables);
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_PAGINATION", field });
    expect(body.errors?.[0]?.message).toMatch(/between 1 and 100|not both/);
  });

  it.each(["nonsense", "WzEsMl0", Buffer.from('["abc", 1]').toString("base64url")])("rejects cursor %j with INVALID_CURSOR", async (after) => {
    const { body } = await server.gql(PAGE, { first: 5, after, order: { field: "VALUE", direction: "DESC" } });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_CURSOR", field: "after" });
  });
});

describe("countries connection", () => {
  it("lists all 249 countries by name and filters by region and name", async () => {
    const all = await server.gql<{ countries: any }>(`{ countries(first: 100) { totalCount nodes { name } pageInfo { hasNextPage } } }`);
    expect(all.body.data!.countries.totalCount).toBe(249);
    expect(all.body.data!.countries.pageInfo.hasNextPage).toBe(true);
    const names = all.body.data!.countries.nodes.map((n: { name: string }) => n.name);
    expect(names[0]).toBe("Afghanistan");

    const search = await server.gql<{ countries: any }>(`{ countries(filter: { search: "azer" }) { nodes { code } } }`);
    expect(search.body.data!.countries.nodes).toEqual([{ code: "AZ" }]);
    const region = await server.gql<{ countries: any }>(`{ countries(filter: { subregion: "western asia" }, first: 100) { totalCount } }`);
    expect(region.body.data!.countries.totalCount).toBeGreaterThan(10);
  });

  it("looks countries up by alpha-2 or alpha-3 in any case and rejects bad codes with their codes", async () => {
    const ok = await server.gql<{ a: any; b: any }>(`{ a: country(code: "aze") { code } b: country(code: "Il") { code } }`);
    expect(ok.body.data).toEqual({ a: { code: "AZ" }, b: { code: "IL" } });
    const bad = await server.gql(`{ country(code: "XX") { code } }`);
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: "UNKNOWN_COUNTRY", field: "code" });
    const malformed = await server.gql(`{ country(code: "A1") { code } }`);
    expect(malformed.body.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_COUNTRY_CODE" });
  });
});
