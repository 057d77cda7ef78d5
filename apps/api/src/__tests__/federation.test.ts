import { readFileSync } from "node:fs";
import path from "node:path";
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { parseEnv } from "../env";
import { startTestServer, statementsOf, type TestServer } from "./harness";

/**
 * tradegraph as an Apollo Federation 2 subgraph (FEDERATION=true), composed with a second subgraph written here
 * under @apollo/gateway, all real servers on loopback ports.
 */

/** A second team's subgraph: news mentions of countries, joined to tradegraph's Country by its key `code`. */
const NEWS = {
  AZ: [{ headline: "Azerbaijan's crude exports to Israel rise", outlet: "Test Wire" }],
  IL: [
    { headline: "Israel buys more Azerbaijani oil", outlet: "Test Wire" },
    { headline: "Munich talks between Aliyev and Herzog", outlet: "Test Gazette" },
  ],
} as Record<string, Array<{ headline: string; outlet: string }>>;

const newsSchema = buildSubgraphSchema({
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Query {
      "Countries in the news today: references only, tradegraph resolves the rest."
      countriesInTheNews: [Country!]!
    }
    type Country @key(fields: "code") {
      code: String!
      newsMentions: [NewsMention!]!
    }
    type NewsMention {
      headline: String!
      outlet: String!
    }
  `),
  resolvers: {
    Query: { countriesInTheNews: () => [{ code: "IL" }, { code: "AZ" }] },
    Country: {
      __resolveReference: (reference: { code: string }) => reference,
      newsMentions: (country: { code: string }) => NEWS[country.code] ?? [],
    },
  },
});

/** What the gateway sent tradegraph, and the statements each request ran (x-sql-statements). */
interface SubgraphFetch {
  query: string;
  statements: number;
}

let tradegraph: TestServer;
let plain: TestServer;
let news: ApolloServer;
let newsUrl: string;
let supergraph: ApolloServer;
let gatewayUrl: string;
const fetches: SubgraphFetch[] = [];
let meetingIds: string[] = [];

async function post(url: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: Record<string, unknown> | null; errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }> } };
}

const entities = (server: TestServer, representations: unknown[], selection: string) =>
  server.gql<{ _entities: Array<Record<string, unknown> | null> }>(
    `query Entities($representations: [_Any!]!) { _entities(representations: $representations) { __typename ${selection} } }`,
    { representations },
  );

beforeAll(async () => {
  tradegraph = await startTestServer({ env: { FEDERATION: "true" } });
  plain = await startTestServer();
  // Meetings to load as entities, each with participants and its source, beside the article's one.
  const source = await tradegraph.db.prisma.source.create({ data: { publisher: "tradegraph tests", title: "Federation fixtures", synthetic: true } });
  for (let i = 0; i < 5; i++) {
    await tradegraph.db.prisma.meeting.create({
      data: {
        title: `Federation meeting ${i + 1}`,
        startDate: new Date(Date.UTC(2023, 0, 1 + 7 * i)),
        topics: ["testing"],
        sourceId: source.id,
        participants: { create: [{ position: 0, person: `Delegate ${i + 1}`, countryCode: "FR" }] },
      },
    });
  }
  const listed = await tradegraph.gql<{ meetings: { nodes: Array<{ id: string }> } }>(`{ meetings(first: 10) { nodes { id } } }`);
  meetingIds = listed.body.data!.meetings.nodes.map((meeting) => meeting.id);

  news = new ApolloServer({ schema: newsSchema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  ({ url: newsUrl } = await startStandaloneServer(news, { listen: { port: 0, host: "127.0.0.1" } }));

  const gateway = new ApolloGateway({
    supergraphSdl: new IntrospectAndCompose({
      subgraphs: [
        { name: "tradegraph", url: tradegraph.url },
        { name: "news", url: newsUrl },
      ],
    }),
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource({
        url,
        didReceiveResponse({ response, request }) {
          if (name === "tradegraph") fetches.push({ query: request.query ?? "", statements: statementsOf(response.http!.headers as unknown as Headers) });
          return response;
        },
      }),
  });
  supergraph = new ApolloServer({ gateway });
  ({ url: gatewayUrl } = await startStandaloneServer(supergraph, { listen: { port: 0, host: "127.0.0.1" } }));
}, 180_000);

afterAll(async () => {
  await supergraph?.stop();
  await news?.stop();
  await tradegraph?.close();
  await plain?.close();
});

describe("the supergraph (tradegraph + a news subgraph under @apollo/gateway)", () => {
  it("joins tradegraph's Country and its exports with the news subgraph's newsMentions in one request", async () => {
    fetches.length = 0;
    const { status, body } = await post(
      gatewayUrl,
      `{
        country(code: "AZ") {
          name
          newsMentions { headline }
          exports(first: 5, filter: { importer: "IL" }) { nodes { period quantityTonnes importer { name newsMentions { headline outlet } } } }
        }
      }`,
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const country = body.data!.country as {
      name: string;
      newsMentions: Array<{ headline: string }>;
      exports: { nodes: Array<{ period: string; quantityTonnes: number; importer: { name: string; newsMentions: unknown[] } }> };
    };
    expect(country.name).toBe("Azerbaijan");
    expect(country.newsMentions).toEqual([{ headline: "Azerbaijan's crude exports to Israel rise" }]);
    const january = country.exports.nodes.find((node) => node.period === "2024-01");
    expect(january).toMatchObject({ quantityTonnes: 523_500, importer: { name: "Israel", newsMentions: NEWS.IL } });
    // tradegraph was asked once: the query plan puts the news fields in one _entities call to the news subgraph.
    expect(fetches).toHaveLength(1);
  });

  it("resolves the news subgraph's Country references through tradegraph's _entities in one batched fetch", async () => {
    fetches.length = 0;
    const { body } = await post(gatewayUrl, `{ countriesInTheNews { code name region newsMentions { outlet } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.countriesInTheNews).toEqual([
      { code: "IL", name: "Israel", region: "Asia", newsMentions: [{ outlet: "Test Wire" }, { outlet: "Test Gazette" }] },
      { code: "AZ", name: "Azerbaijan", region: "Asia", newsMentions: [{ outlet: "Test Wire" }] },
    ]);
    expect(fetches).toHaveLength(1);
    expect(fetches[0]!.query).toContain("_entities");
    // Countries are reference data in memory: resolving them runs no SQL.
    expect(fetches[0]!.statements).toBe(0);
  });
});

describe("tradegraph with FEDERATION=true", () => {
  it("answers _service.sdl with @key on the six entity types, as committed in subgraph.graphql", async () => {
    const { status, body } = await tradegraph.gql<{ _service: { sdl: string } }>(`{ _service { sdl } }`);
    expect(status).toBe(200);
    const sdl = body.data!._service.sdl;
    for (const [type, key] of [["Country", "code"], ["Commodity", "hsCode"], ["ExportRecord", "id"], ["Meeting", "id"], ["Report", "id"], ["Source", "id"]]) {
      expect(sdl).toMatch(new RegExp(`type ${type} implements Node\\s+@key\\(fields: "${key}"\\)`));
    }
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])');
    const committed = readFileSync(path.resolve(__dirname, "..", "..", "subgraph.graphql"), "utf8");
    expect(committed).toContain(sdl);
  });

  it("loads several countries and commodities from one _entities request with no SQL (reference data)", async () => {
    const codes = ["AZ", "IL", "AM", "DE", "FR", "NO"];
    const response = await entities(
      tradegraph,
      [...codes.map((code) => ({ __typename: "Country", code })), { __typename: "Commodity", hsCode: "2709" }],
      `... on Country { code name } ... on Commodity { hsCode description }`,
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!._entities.map((entity) => entity?.code ?? entity?.hsCode)).toEqual([...codes, "2709"]);
    expect(response.statements).toBe(0);
  });

  it("batches N meeting references (with participants and sources) into the statements of one", async () => {
    expect(meetingIds.length).toBeGreaterThanOrEqual(6);
    const selection = `... on Meeting { title participants { person country { name } } source { title } }`;
    const one = await entities(tradegraph, [{ __typename: "Meeting", id: meetingIds[0] }], selection);
    const many = await entities(tradegraph, meetingIds.map((id) => ({ __typename: "Meeting", id })), selection);
    expect(one.body.errors).toBeUndefined();
    expect(many.body.errors).toBeUndefined();
    expect(many.body.data!._entities.map((meeting) => meeting?.title)).toHaveLength(meetingIds.length);
    expect(many.body.data!._entities.every((meeting) => typeof meeting?.title === "string")).toBe(true);
    // Meetings, their participants, their sources: one statement each, whatever N is.
    expect(one.statements).toBe(3);
    expect(many.statements).toBe(one.statements);
  });

  it("loads export records, reports and sources by their global IDs", async () => {
    const listed = await tradegraph.gql<{ exportRecords: { nodes: Array<{ id: string; source: { id: string } }> }; reports: { nodes: Array<{ id: string }> } }>(
      `{ exportRecords(first: 3) { nodes { id source { id } } } reports(first: 1) { nodes { id } } }`,
    );
    const records = listed.body.data!.exportRecords.nodes;
    const report = listed.body.data!.reports.nodes[0]!;
    const response = await entities(
      tradegraph,
      [
        ...records.map((record) => ({ __typename: "ExportRecord", id: record.id })),
        { __typename: "Report", id: report.id },
        { __typename: "Source", id: records[0]!.source.id },
      ],
      `... on ExportRecord { id period } ... on Report { id title } ... on Source { id publisher }`,
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!._entities.map((entity) => entity?.id)).toEqual([...records.map((r) => r.id), report.id, records[0]!.source.id]);
  });

  it("answers null, not an error, for a representation whose key names nothing", async () => {
    const response = await entities(
      tradegraph,
      [
        { __typename: "Country", code: "ZZ" },
        { __typename: "Country" },
        { __typename: "Meeting", id: "not an id" },
        // A Country's ID given as a Meeting's.
        { __typename: "Meeting", id: Buffer.from("Country:AZ").toString("base64url") },
        { __typename: "Source", id: Buffer.from("Source:999999").toString("base64url") },
        { __typename: "Country", code: "AZ" },
      ],
      `... on Country { name } ... on Meeting { title } ... on Source { title }`,
    );
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!._entities).toEqual([null, null, null, null, null, { __typename: "Country", name: "Azerbaijan" }]);
  });

  it("answers INVALID_REPRESENTATION in place of a representation that is not an entity, and loads the others", async () => {
    const response = await entities(
      tradegraph,
      [{ __typename: "Nope" }, { __typename: "Country", code: "IL" }, { __typename: "PageInfo", hasNextPage: true }, "Country", { code: "AZ" }],
      `... on Country { name }`,
    );
    expect(response.status).toBe(200);
    expect(response.body.data!._entities).toEqual([null, { __typename: "Country", name: "Israel" }, null, null, null]);
    expect(response.body.errors!.map((error) => [error.path, error.extensions?.code])).toEqual([
      [["_entities", 0], "INVALID_REPRESENTATION"],
      [["_entities", 2], "INVALID_REPRESENTATION"],
      [["_entities", 3], "INVALID_REPRESENTATION"],
      [["_entities", 4], "INVALID_REPRESENTATION"],
    ]);
    expect(response.body.errors![0]!.message).toMatch(/representations\[0\] is not a tradegraph entity/);
  });

  it("charges _entities for every representation in the cost limit", async () => {
    const selection = `... on Country { exports(first: 50) { nodes { period } } }`;
    const representations = (n: number) => Array.from({ length: n }, () => ({ __typename: "Country", code: "AZ" }));
    // Each costs __typename 1 + exports 1 + 50 × 2 = 102: 49 fit the default limit of 5000, 50 do not.
    const refused = await entities(tradegraph, representations(50), selection);
    expect(refused.status).toBe(400);
    expect(refused.body.errors![0]!.extensions).toMatchObject({ code: "MAX_COST_EXCEEDED", cost: 1 + 50 * 102 });
    const allowed = await entities(tradegraph, representations(2), selection);
    expect(allowed.body.errors).toBeUndefined();
  });
});

describe("tradegraph without FEDERATION", () => {
  it("is the default; FEDERATION takes true/false/1/0 and names itself otherwise", () => {
    expect(parseEnv({}).federation).toBe(false);
    expect(parseEnv({ FEDERATION: "1" }).federation).toBe(true);
    expect(() => parseEnv({ FEDERATION: "yes" })).toThrow(/FEDERATION/);
  });

  it("has no _service or _entities", async () => {
    for (const query of [`{ _service { sdl } }`, `{ _entities(representations: []) { __typename } }`]) {
      const { status, body } = await plain.gql(query);
      expect(status).toBe(400);
      expect(body.errors![0]!.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    }
  });

  it("answers a query exactly as the subgraph does", async () => {
    const query = `{
      country(code: "AZ") { id code name exports(first: 3) { totalCount nodes { id period valueUsd importer { code } commodity { hsCode } source { title } } } }
      commodities { hsCode }
      node(id: "${Buffer.from("Country:IL").toString("base64url")}") { id ... on Country { name } }
    }`;
    const [without, withFederation] = await Promise.all([plain.gql(query), tradegraph.gql(query)]);
    expect(without.body.errors).toBeUndefined();
    expect(withFederation.body).toEqual(without.body);
    expect(withFederation.statements).toBe(without.statements);
  });
});
