import { startTestServer, type GraphQLResponse, type TestServer } from "./harness";

let server: TestServer;
const EXTRA_MEETINGS = 34;

beforeAll(async () => {
  server = await startTestServer();
  // Synthetic meetings between France and Germany, one a week through 2023: all before the article's meeting.
  const source = await server.db.prisma.source.create({ data: { publisher: "tradegraph tests", title: "Synthetic meetings", synthetic: true } });
  for (let i = 0; i < EXTRA_MEETINGS; i++) {
    await server.db.prisma.meeting.create({
      data: {
        title: `Synthetic meeting ${i + 1}`,
        event: "Tradegraph Test Forum",
        startDate: new Date(Date.UTC(2023, 0, 1 + 7 * i)),
        topics: ["testing"],
        sourceId: source.id,
        participants: {
          create: [
            { position: 0, person: `French delegate ${i + 1}`, countryCode: "FR" },
            { position: 1, person: `German delegate ${i + 1}`, countryCode: "DE" },
            { position: 2, person: "An observer", countryCode: null },
          ],
        },
      },
    });
  }
}, 120_000);
afterAll(() => server?.close());

interface MeetingNode {
  id: string;
  title: string;
  startDate: string;
  participants: Array<{ person: string; country: { code: string } | null }>;
  countries: Array<{ code: string }>;
}
interface Connection<T> {
  totalCount: number;
  nodes: T[];
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}
type Meetings = { meetings: Connection<MeetingNode> };

const titles = (body: { data?: Meetings | null }) => body.data!.meetings.nodes.map((m) => m.title);
const MUNICH = "Meeting of Presidents Isaac Herzog and Ilham Aliyev";

describe("meetings", () => {
  it("holds the article's meeting with its participants, countries and source", async () => {
    const { body } = await server.gql<Meetings>(`{
      meetings(first: 1) {
        nodes { id title event place startDate endDate topics summary
                participants { person role country { code name } } countries { code } source { publisher title url } }
      }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.meetings.nodes[0]).toMatchObject({
      title: MUNICH,
      event: "Munich Security Conference 2024",
      place: "Munich, Germany",
      startDate: "2024-02-16",
      endDate: "2024-02-18",
      topics: ["commercial", "economic", "cultural", "humanitarian"],
      participants: [
        { person: "Isaac Herzog", role: "President of Israel", country: { code: "IL", name: "Israel" } },
        { person: "Ilham Aliyev", role: "President of the Republic of Azerbaijan", country: { code: "AZ", name: "Azerbaijan" } },
      ],
      countries: [{ code: "IL" }, { code: "AZ" }],
      source: { publisher: "The Jerusalem Post", url: null },
    });
  });

  it("lists participants without a country with country null, and countries without them", async () => {
    const { body } = await server.gql<Meetings>(`{
      meetings(first: 1, filter: { event: "test forum" }) { nodes { participants { person country { code } } countries { code } } }
    }`);
    const [meeting] = body.data!.meetings.nodes;
    expect(meeting!.participants[2]).toEqual({ person: "An observer", country: null });
    expect(meeting!.countries).toEqual([{ code: "FR" }, { code: "DE" }]);
  });

  it.each([
    ["a participant's country, alpha-3 in lower case", `{ country: "isr" }`, [MUNICH]],
    ["a country nobody came from", `{ country: "TH" }`, []],
    ["part of a participant's name, any case", `{ participant: "ALIYEV" }`, [MUNICH]],
    ["a date range the meeting overlaps (its last day)", `{ date: { from: "2024-02-18", to: "2024-03-01" } }`, [MUNICH]],
    ["a date range ending on its first day", `{ date: { from: "2024-01-01", to: "2024-02-16" } }`, [MUNICH]],
    ["a date range after it", `{ date: { from: "2024-02-19" } }`, []],
    ["a whole topic, any case", `{ topic: "Economic" }`, [MUNICH]],
    ["part of a topic (no match: topics match whole)", `{ topic: "econ" }`, []],
    ["part of the event, any case", `{ event: "security CONF" }`, [MUNICH]],
    ["a LIKE wildcard, taken literally", `{ event: "%" }`, []],
    ["several conditions at once", `{ country: "AZ", participant: "herzog", topic: "cultural", event: "Munich" }`, [MUNICH]],
    ["blank strings, ignored", `{ country: "IL", participant: "  ", event: "" }`, [MUNICH]],
  ])("filters by %s", async (_name, filter, expected) => {
    const { body } = await server.gql<Meetings>(`{ meetings(first: 100, filter: ${filter}) { nodes { title } } }`);
    expect(body.errors).toBeUndefined();
    expect(titles(body)).toEqual(expected);
  });

  it.each([
    ["a malformed country code", `filter: { country: "I5" }`, "INVALID_COUNTRY_CODE", "filter.country"],
    ["an unassigned country code", `filter: { country: "XX" }`, "UNKNOWN_COUNTRY", "filter.country"],
    ["a reversed date range", `filter: { date: { from: "2024-03-01", to: "2024-02-01" } }`, "INVALID_DATE_RANGE", "filter.date"],
    ["a day the month doesn't have", `filter: { date: { from: "2024-02-30" } }`, "INVALID_DATE_RANGE", "filter.date.from"],
    ["a month instead of a day", `filter: { date: { to: "2024-02" } }`, "INVALID_DATE_RANGE", "filter.date.to"],
    ["year zero, which has no calendar", `filter: { date: { from: "0000-01-01" } }`, "INVALID_DATE_RANGE", "filter.date.from"],
    ["a bad cursor", `after: "not-a-cursor"`, "INVALID_CURSOR", "after"],
    ["a page too large", `first: 101`, "INVALID_PAGINATION", "first"],
  ])("rejects %s with a clear code", async (_name, args, code, field) => {
    const { status, body } = await server.gql(`{ meetings(${args}) { nodes { id } } }`);
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors![0]!.extensions).toMatchObject({ code, field });
  });

  it("pages forward and backward through every meeting, newest first, with stable cursors", async () => {
    const page = `query($first: Int, $after: String, $last: Int, $before: String) {
      meetings(first: $first, after: $after, last: $last, before: $before) {
        totalCount edges { cursor node { id startDate } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`;
    const forward: MeetingNode[] = [];
    let after = null as string | null;
    let pages = 0;
    for (;;) {
      const { body }: GraphQLResponse<Meetings> = await server.gql(page, { first: 10, after });
      expect(body.errors).toBeUndefined();
      const { edges, pageInfo, totalCount } = body.data!.meetings;
      expect(totalCount).toBe(EXTRA_MEETINGS + 1);
      expect(pageInfo.hasPreviousPage).toBe(pages > 0);
      forward.push(...edges.map((edge) => edge.node));
      pages += 1;
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(pages).toBe(4);
    expect(forward).toHaveLength(EXTRA_MEETINGS + 1);
    expect(new Set(forward.map((m) => m.id)).size).toBe(EXTRA_MEETINGS + 1);
    expect(forward[0]!.startDate).toBe("2024-02-16");
    const dates = forward.map((m) => m.startDate);
    expect([...dates].sort().reverse()).toEqual(dates);

    // The 10 items before the 21st are the 11th to 20th.
    const cursors = await server.gql<Meetings>(page, { first: 21 });
    const twentyFirst = cursors.body.data!.meetings.edges[20]!.cursor;
    const { body } = await server.gql<Meetings>(page, { last: 10, before: twentyFirst });
    expect(body.data!.meetings.edges.map((edge) => edge.node.id)).toEqual(forward.slice(10, 20).map((m) => m.id));
    expect(body.data!.meetings.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it("costs the same number of SQL statements for a page of 30 as for a page of 3", async () => {
    const query = `query($first: Int!) {
      meetings(first: $first) {
        nodes { id title participants { person role country { code name } } countries { code name } source { title } }
      }
    }`;
    const small = await server.gql<Meetings>(query, { first: 3 });
    const large = await server.gql<Meetings>(query, { first: 30 });
    expect(small.body.errors).toBeUndefined();
    expect(large.body.errors).toBeUndefined();
    expect(large.body.data!.meetings.nodes).toHaveLength(30);
    expect(small.statements).toBeGreaterThan(0);
    expect(large.statements).toBe(small.statements);
    // The page, participants, countries and sources: one statement each.
    expect(large.statements).toBeLessThanOrEqual(5);
  });
});

describe("Country.meetings", () => {
  it("lists the meetings a country took part in, with the filter minus country", async () => {
    const { body } = await server.gql<{ az: Meetings; fr: Meetings }>(`{
      az: country(code: "AZ") { meetings { totalCount nodes { title } } }
      fr: country(code: "FRA") { meetings(first: 2, filter: { date: { from: "2023-06-01" } }) { totalCount nodes { title startDate } } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.az.meetings).toEqual({ totalCount: 1, nodes: [{ title: MUNICH }] });
    // Weekly from 2023-01-01: the 23rd (2023-06-04) to the 34th (2023-08-20) are from June on.
    expect(body.data!.fr.meetings).toEqual({
      totalCount: 12,
      nodes: [
        { title: "Synthetic meeting 34", startDate: "2023-08-20" },
        { title: "Synthetic meeting 33", startDate: "2023-08-13" },
      ],
    });
  });
});

describe("node(id) for meetings", () => {
  it("fetches a meeting by its global ID, and null for one that doesn't exist", async () => {
    const list = await server.gql<Meetings>(`{ meetings(first: 1) { nodes { id } } }`);
    const id = list.body.data!.meetings.nodes[0]!.id;
    const missing = Buffer.from("Meeting:999999").toString("base64url");
    const { body } = await server.gql<{ node: MeetingNode; nodes: Array<{ id: string } | null> }>(
      `query($id: ID!, $ids: [ID!]!) {
        node(id: $id) { __typename id ... on Meeting { title startDate countries { code } } }
        nodes(ids: $ids) { id }
      }`,
      { id, ids: [missing, id] },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.node).toEqual({ __typename: "Meeting", id, title: MUNICH, startDate: "2024-02-16", countries: [{ code: "IL" }, { code: "AZ" }] });
    expect(body.data!.nodes).toEqual([null, { id }]);
  });
});
