import "reflect-metadata";
import { buildSchema, parse } from "graphql";
import { DEFAULT_PAGE_SIZE } from "../../../../common/connection";
import { estimateCost } from "../estimate";

const schema = buildSchema(`
  type Query {
    country(code: String!): Country
    countries(first: Int, last: Int): CountryConnection!
    topPartners(limit: Int): [Partner!]!
    _entities(representations: [_Any!]!): [_Entity]!
  }
  scalar _Any
  union _Entity = Country | Partner
  type Country { name: String! exports(first: Int): RecordConnection! }
  type CountryConnection { nodes: [Country!]! totalCount: Int! }
  type RecordConnection { nodes: [Record!]! }
  type Record { period: String! valueUsd: Float }
  type Partner { rank: Int! share: Float }
`);

const cost = (query: string, variables?: Record<string, unknown>) => estimateCost(schema, parse(query), undefined, variables);

describe("estimateCost", () => {
  it("charges 1 per field", () => {
    expect(cost(`{ country(code: "AZ") { name } }`)).toBe(2);
  });

  it("multiplies a connection's selection by first, last or the default page size", () => {
    // countries: 1 + first × (nodes 1 + name 1)
    expect(cost(`{ countries(first: 5) { nodes { name } } }`)).toBe(1 + 5 * 2);
    expect(cost(`{ countries(last: 3) { nodes { name } } }`)).toBe(1 + 3 * 2);
    expect(cost(`{ countries { nodes { name } } }`)).toBe(1 + DEFAULT_PAGE_SIZE * 2);
  });

  it("multiplies a ranked list by its limit, and nested lists multiply", () => {
    expect(cost(`{ topPartners(limit: 10) { rank share } }`)).toBe(1 + 10 * 2);
    // countries(first: 10) { nodes { exports(first: 10) { nodes { period } } } }
    const inner = 1 + 10 * (1 + 1);
    expect(cost(`{ countries(first: 10) { nodes { exports(first: 10) { nodes { period } } } } }`)).toBe(1 + 10 * (1 + inner));
  });

  it("reads page sizes from variables, and counts a size below 1 as 1", () => {
    expect(cost(`query Q($n: Int) { countries(first: $n) { totalCount } }`, { n: 50 })).toBe(1 + 50);
    expect(cost(`{ countries(first: 0) { totalCount } }`)).toBe(2);
  });

  it("multiplies federation's _entities by the number of representations, at the costliest type's selection", () => {
    const query = `query E($r: [_Any!]!) { _entities(representations: $r) { ... on Country { name } ... on Partner { rank share } } }`;
    const representations = (n: number) => Array.from({ length: n }, () => ({ __typename: "Country", code: "AZ" }));
    expect(cost(query, { r: representations(1) })).toBe(1 + 1 * 2);
    expect(cost(query, { r: representations(40) })).toBe(1 + 40 * 2);
    // Nested lists inside an entity multiply as anywhere else.
    expect(cost(query.replace("name", "exports(first: 10) { nodes { period } }"), { r: representations(5) })).toBe(1 + 5 * (1 + 10 * 2));
  });
});
