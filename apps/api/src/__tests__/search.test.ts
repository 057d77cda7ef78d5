import { startTestServer, type TestServer } from "./harness";

let server: TestServer;
const MUNICH = "Meeting of Presidents Isaac Herzog and Ilham Aliyev";
const DIASPORA = "Report on the state of antisemitism in the world";

const HITS = `rank snippet node { __typename ... on Meeting { title } ... on Report { title } ... on Country { code } }`;
interface Hit {
  rank: number;
  snippet: string | null;
  node: { __typename: string; title?: string; code?: string };
}
const search = (args: string) => server.gql<{ search: Hit[] }>(`{ search(${args}) { ${HITS} } }`);
const label = (hit: Hit) => hit.node.title ?? hit.node.code;

beforeAll(async () => {
  server = await startTestServer();
  const source = await server.db.prisma.source.create({ data: { publisher: "tradegraph tests", title: "Synthetic search", synthetic: true } });
  await server.db.prisma.meeting.create({
    data: {
      title: "Synthetic pipeline talks",
      startDate: new Date("2024-05-01T00:00:00Z"),
      topics: ["pipelines"],
      summary: "Delegates compared pipeline tariffs & <script>alert(1)</script> fees.",
      sourceId: source.id,
    },
  });
}, 120_000);
afterAll(() => server?.close());

describe("search", () => {
  it("finds the Diaspora Ministry report first for \"antisemitism\", with a snippet from a finding", async () => {
    const { body } = await search(`text: "antisemitism"`);
    expect(body.errors).toBeUndefined();
    const first = body.data!.search[0]!;
    expect(first).toMatchObject({ node: { __typename: "Report", title: DIASPORA } });
    expect(first.rank).toBeGreaterThan(0);
    expect(first.snippet).toContain("<b>antisemitism</b>");
  });

  it("finds a report through its findings alone", async () => {
    // "alarming" is in a finding, not in the report's title, publisher or topics.
    const { body } = await search(`text: "alarming increase"`);
    expect(body.data!.search.map(label)).toEqual([DIASPORA]);
    expect(body.data!.search[0]!.snippet).toMatch(/<b>alarming<\/b> <b>increase<\/b>/);
  });

  it("finds the Munich meeting", async () => {
    const { body } = await search(`text: "Munich"`);
    expect(body.data!.search[0]).toMatchObject({ node: { __typename: "Meeting", title: MUNICH } });
    expect(body.data!.search[0]!.snippet).toContain("<b>Munich</b>");
  });

  it("finds Azerbaijan the country first, then what mentions it, best first", async () => {
    const { body } = await search(`text: "azerbaijan"`);
    const hits = body.data!.search;
    expect(hits[0]).toMatchObject({ node: { __typename: "Country", code: "AZ" }, snippet: "<b>Azerbaijan</b> · Republic of <b>Azerbaijan</b>" });
    expect(hits.map(label)).toEqual(expect.arrayContaining([DIASPORA, MUNICH]));
    const ranks = hits.map((hit) => hit.rank);
    expect([...ranks].sort((x, y) => y - x)).toEqual(ranks);
  });

  it("keeps to the types asked for and to `first`", async () => {
    const countries = await search(`text: "azerbaijan", types: [COUNTRY]`);
    expect(countries.body.data!.search.map((hit) => hit.node.__typename)).toEqual(["Country"]);
    const two = await search(`text: "azerbaijan", types: [MEETING, REPORT]`);
    expect(two.body.data!.search.map((hit) => hit.node.__typename).sort()).toEqual(["Meeting", "Report"]);
    const one = await search(`text: "azerbaijan", first: 1`);
    expect(one.body.data!.search.map(label)).toEqual(["AZ"]);
  });

  it("understands web-search syntax and English stemming", async () => {
    const phrase = await search(`text: "\\"security conference\\" -antisemitism", types: [MEETING, REPORT]`);
    expect(phrase.body.data!.search.map(label)).toEqual([MUNICH]);
    const stemmed = await search(`text: "conferences", types: [MEETING]`);
    expect(stemmed.body.data!.search.map(label)).toEqual([MUNICH]);
  });

  it("escapes the text around the highlighted words", async () => {
    const { body } = await search(`text: "tariffs", types: [MEETING]`);
    const hit = body.data!.search[0]!;
    expect(hit.node.title).toBe("Synthetic pipeline talks");
    expect(hit.snippet).toContain("<b>tariffs</b> &amp; ");
    // Apart from the highlighting, no markup gets through.
    expect(hit.snippet!.replace(/<\/?b>/g, "")).not.toMatch(/[<>]/);
  });

  it("returns no hits for words found nowhere, or only stop words", async () => {
    for (const text of ["zyxwvut", "the and of"]) {
      const { body } = await search(`text: "${text}", types: [MEETING, REPORT]`);
      expect(body.errors).toBeUndefined();
      expect(body.data!.search).toEqual([]);
    }
  });

  it("ranks and cuts snippets in one statement, then loads the nodes in one per type, however many hits", async () => {
    const one = await search(`text: "azerbaijan", types: [COUNTRY]`);
    const many = await search(`text: "republic", types: [COUNTRY], first: 100`);
    expect(many.body.data!.search.length).toBeGreaterThan(50);
    // Countries come from the in-memory reference data: the search statement alone.
    expect(one.statements).toBe(1);
    expect(many.statements).toBe(1);
    // Three types: the search, then one load per type that needs the database (meetings, reports).
    const all = await search(`text: "azerbaijan"`);
    expect(all.statements).toBeGreaterThanOrEqual(1);
    expect(all.statements).toBeLessThanOrEqual(3);
    const none = await search(`text: "zyxwvut"`);
    expect(none.statements).toBe(1);
  });

  it.each([
    ["blank text", `text: "   "`, "INVALID_SEARCH_TEXT", "text"],
    ["text over 200 characters", `text: "${"a".repeat(201)}"`, "INVALID_SEARCH_TEXT", "text"],
    ["first of 0", `text: "oil", first: 0`, "INVALID_PAGINATION", "first"],
    ["first over 100", `text: "oil", first: 101`, "INVALID_PAGINATION", "first"],
    ["an empty list of types", `text: "oil", types: []`, "BAD_USER_INPUT", "types"],
  ])("rejects %s with a clear code", async (_name, args, code, field) => {
    const { body } = await search(args);
    expect(body.data).toBeNull();
    expect(body.errors![0]!.extensions).toMatchObject({ code, field });
  });
});
