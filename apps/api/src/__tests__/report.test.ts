import { startTestServer, type GraphQLResponse, type TestServer } from "./harness";

let server: TestServer;
const DIASPORA = "Report on the state of antisemitism in the world";

beforeAll(async () => {
  server = await startTestServer();
  // Two synthetic dated reports around the article's undated one.
  const source = await server.db.prisma.source.create({ data: { publisher: "tradegraph tests", title: "Synthetic reports", synthetic: true } });
  for (const [title, publishedOn, subjects] of [
    ["Synthetic report 2023", "2023-05-01", ["AZ", "TR"]],
    ["Synthetic report 2024", "2024-03-01", ["AM"]],
  ] as const) {
    await server.db.prisma.report.create({
      data: {
        title,
        publisher: "Test Institute",
        publisherCountryCode: "FR",
        publishedOn: new Date(`${publishedOn}T00:00:00Z`),
        topics: ["testing"],
        sourceId: source.id,
        subjects: { create: subjects.map((countryCode) => ({ countryCode })) },
        findings: { create: [{ position: 0, text: "A synthetic finding.", isQuote: false }] },
      },
    });
  }
}, 120_000);
afterAll(() => server?.close());

interface ReportNode {
  id: string;
  title: string;
  publishedOn: string | null;
  topics: string[];
  findings: Array<{ text: string; isQuote: boolean }>;
}
interface Reports {
  reports: { totalCount: number; nodes: ReportNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const titles = (connection: { nodes: Array<{ title: string }> }) => connection.nodes.map((r) => r.title);

describe("reports", () => {
  it("holds the Diaspora Ministry report with its countries, findings and source", async () => {
    const { body } = await server.gql<Reports>(`{
      reports(filter: { publisherCountry: "IL" }) {
        totalCount
        nodes { id title publisher publishedOn topics publisherCountry { code } subjectCountries { code }
                findings { text isQuote } source { publisher } }
      }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.reports.totalCount).toBe(1);
    const report = body.data!.reports.nodes[0]!;
    expect(report).toMatchObject({
      title: DIASPORA,
      publisher: "Diaspora Ministry",
      publishedOn: null,
      publisherCountry: { code: "IL" },
      subjectCountries: [{ code: "AM" }, { code: "AZ" }, { code: "IL" }],
      source: { publisher: "The Jerusalem Post" },
    });
    expect(report.topics).toContain("antisemitism");
    expect(report.findings.map((f) => f.isQuote)).toEqual([false, true, true]);
    expect(report.findings[1]!.text).toMatch(/^Antisemitic discourse in Armenia is largely influenced by the relations between Israel and Azerbaijan/);
  });

  it("orders newest first with undated reports last, across pages", async () => {
    const all = await server.gql<Reports>(`{ reports { nodes { title publishedOn } } }`);
    expect(all.body.data!.reports.nodes).toEqual([
      { title: "Synthetic report 2024", publishedOn: "2024-03-01" },
      { title: "Synthetic report 2023", publishedOn: "2023-05-01" },
      { title: DIASPORA, publishedOn: null },
    ]);

    const page = `query($after: String) { reports(first: 1, after: $after) { nodes { title } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after = null as string | null;
    for (let i = 0; i < 3; i++) {
      const { body }: GraphQLResponse<Reports> = await server.gql(page, { after });
      expect(body.errors).toBeUndefined();
      seen.push(...titles(body.data!.reports));
      expect(body.data!.reports.pageInfo.hasNextPage).toBe(i < 2);
      after = body.data!.reports.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.body.data!.reports.nodes.map((r) => r.title));

    const back = await server.gql<Reports>(`query($before: String) { reports(last: 2, before: $before) { nodes { title } } }`, { before: after });
    expect(titles(back.body.data!.reports)).toEqual(["Synthetic report 2024", "Synthetic report 2023"]);
  });

  it.each([
    ["publisher country, alpha-3 any case", `{ publisherCountry: "fra" }`, ["Synthetic report 2024", "Synthetic report 2023"]],
    ["subject country", `{ subjectCountry: "AM" }`, ["Synthetic report 2024", DIASPORA]],
    ["a subject country no report is about", `{ subjectCountry: "TH" }`, []],
    ["a whole topic, any case", `{ topic: "ANTISEMITISM" }`, [DIASPORA]],
    ["publication days (undated reports never match)", `{ publishedOn: { from: "2023-01-01", to: "2023-12-31" } }`, ["Synthetic report 2023"]],
    ["an open-ended publication range", `{ publishedOn: { from: "2024-03-01" } }`, ["Synthetic report 2024"]],
    ["several conditions at once", `{ subjectCountry: "AZ", publisherCountry: "FR", topic: "testing" }`, ["Synthetic report 2023"]],
  ])("filters by %s", async (_name, filter, expected) => {
    const { body } = await server.gql<Reports>(`{ reports(filter: ${filter}) { nodes { title } } }`);
    expect(body.errors).toBeUndefined();
    expect(titles(body.data!.reports)).toEqual(expected);
  });

  it.each([
    ["a malformed country code", `filter: { subjectCountry: "A1" }`, "INVALID_COUNTRY_CODE", "filter.subjectCountry"],
    ["an unassigned country code", `filter: { publisherCountry: "ZZ" }`, "UNKNOWN_COUNTRY", "filter.publisherCountry"],
    ["a reversed date range", `filter: { publishedOn: { from: "2024-12-31", to: "2024-01-01" } }`, "INVALID_DATE_RANGE", "filter.publishedOn"],
    ["a malformed day", `filter: { publishedOn: { from: "01/02/2024" } }`, "INVALID_DATE_RANGE", "filter.publishedOn.from"],
    ["a bad cursor", `first: 2, after: "WyJub3QgYSBkYXRlIiwxXQ"`, "INVALID_CURSOR", "after"],
  ])("rejects %s with a clear code", async (_name, args, code, field) => {
    const { body } = await server.gql(`{ reports(${args}) { nodes { id } } }`);
    expect(body.data).toBeNull();
    expect(body.errors![0]!.extensions).toMatchObject({ code, field });
  });

  it("costs the same number of SQL statements for any page size", async () => {
    const query = `query($first: Int!) {
      reports(first: $first) { nodes { title publisherCountry { name } subjectCountries { name } findings { text } source { title } } }
    }`;
    const one = await server.gql(query, { first: 1 });
    const three = await server.gql(query, { first: 3 });
    expect(three.body.errors).toBeUndefined();
    expect((three.body.data as { reports: { nodes: unknown[] } }).reports.nodes).toHaveLength(3);
    expect(one.statements).toBeGreaterThan(0);
    expect(three.statements).toBe(one.statements);
  });
});

describe("Country.reports", () => {
  it("lists the reports about a country, with the filter minus subjectCountry", async () => {
    const { body } = await server.gql<{ am: Reports; az: Reports }>(`{
      am: country(code: "ARM") { reports { totalCount nodes { title } } }
      az: country(code: "AZ") { reports(filter: { publisherCountry: "IL" }) { nodes { title } } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.am.reports.totalCount).toBe(2);
    expect(titles(body.data!.am.reports)).toEqual(["Synthetic report 2024", DIASPORA]);
    expect(titles(body.data!.az.reports)).toEqual([DIASPORA]);
  });
});

describe("node(id) for reports", () => {
  it("fetches a report by its global ID", async () => {
    const list = await server.gql<Reports>(`{ reports(filter: { topic: "antisemitism" }) { nodes { id } } }`);
    const id = list.body.data!.reports.nodes[0]!.id;
    const { body } = await server.gql<{ node: ReportNode }>(
      `query($id: ID!) { node(id: $id) { __typename id ... on Report { title findings { isQuote } } } }`,
      { id },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.node).toEqual({ __typename: "Report", id, title: DIASPORA, findings: [{ isQuote: false }, { isQuote: true }, { isQuote: true }] });
  });
});
