import "reflect-metadata";
import { getOperationAST, parse, type GraphQLSchema } from "graphql";
import { createSchema } from "../../../../schema";
import { cacheControlHeader, DEFAULT_MAX_AGE_SECONDS, operationCachePolicy, REFERENCE_MAX_AGE_SECONDS } from "../policy";

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

const policyOf = (query: string, operationName?: string) => {
  const document = parse(query);
  return operationCachePolicy(schema, document, getOperationAST(document, operationName)!);
};

describe("operationCachePolicy", () => {
  it.each([
    `{ countries(first: 5) { totalCount pageInfo { hasNextPage } edges { cursor node { code name region } } } }`,
    `{ country(code: "AZ") { name alpha3 } commodities { hsCode description } }`,
    `query C { country(code: "AZ") { ...Names } } fragment Names on Country { name code }`,
    `{ __typename }`,
  ])("gives reference data the long max age: %s", (query) => {
    expect(policyOf(query)).toEqual({ kind: "cacheable", maxAge: REFERENCE_MAX_AGE_SECONDS });
  });

  it.each([
    `{ topPartners(exporter: "AZ", commodity: "2709", period: "2024-01") { totalValueUsd } }`,
    `{ country(code: "AZ") { name exports(first: 5) { totalCount } } }`,
    `query C { country(code: "AZ") { ...Flows } } fragment Flows on Country { imports(first: 1) { totalCount } }`,
    `{ countries(first: 1) { nodes { name } } exportRecords(first: 1) { totalCount } }`,
    `{ node(id: "Q291bnRyeTpBWg") { id } }`,
  ])("gives trade and other data the short max age: %s", (query) => {
    expect(policyOf(query)).toEqual({ kind: "cacheable", maxAge: DEFAULT_MAX_AGE_SECONDS });
  });

  it("picks the operation by name", () => {
    const document = `query A { countries(first: 1) { totalCount } } query B { exportRecords(first: 1) { totalCount } }`;
    expect(policyOf(document, "A")).toEqual({ kind: "cacheable", maxAge: REFERENCE_MAX_AGE_SECONDS });
    expect(policyOf(document, "B")).toEqual({ kind: "cacheable", maxAge: DEFAULT_MAX_AGE_SECONDS });
  });

  it("never caches mutations", () => {
    expect(policyOf(`mutation { revokeApiKey(prefix: "x") { __typename } }`)).toEqual({ kind: "no-store" });
  });
});

describe("cacheControlHeader", () => {
  const reference = { kind: "cacheable", maxAge: REFERENCE_MAX_AGE_SECONDS } as const;
  it("is public without a key, private with one, no-store on errors and for mutations", () => {
    expect(cacheControlHeader(reference, { withKey: false, hasErrors: false })).toBe(`public, max-age=${REFERENCE_MAX_AGE_SECONDS}`);
    expect(cacheControlHeader(reference, { withKey: true, hasErrors: false })).toBe(`private, max-age=${REFERENCE_MAX_AGE_SECONDS}`);
    expect(cacheControlHeader(reference, { withKey: false, hasErrors: true })).toBe("no-store");
    expect(cacheControlHeader({ kind: "no-store" }, { withKey: false, hasErrors: false })).toBe("no-store");
  });
});
