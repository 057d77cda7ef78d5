import { execute, GraphQLError, GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from "graphql";
import { compiledExecution } from "..";

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: "Query",
    fields: {
      twice: { type: GraphQLInt, args: { n: { type: new GraphQLNonNull(GraphQLInt) } }, resolve: (_root, { n }) => n * 2 },
      refused: {
        type: GraphQLString,
        resolve: () => {
          throw new GraphQLError("no such country", { extensions: { code: "UNKNOWN_COUNTRY" } });
        },
      },
      failed: {
        type: GraphQLString,
        resolve: () => {
          throw new Error("boom");
        },
      },
    },
  }),
  mutation: new GraphQLObjectType({ name: "Mutation", fields: { touch: { type: GraphQLInt, resolve: () => 1 } } }),
});

async function run(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions[0] as never;
  const { executor } = await compiledExecution(schema)!.load({ apollo: {} as never });
  const request = { query, variables, operationName: undefined };
  const viaGateway = await executor!({ document, operation, request, context: {} } as never);
  const viaGraphqlJs = await execute({ schema, document, variableValues: variables });
  return { viaGateway, viaGraphqlJs };
}

describe("compiled execution (graphql-jit behind Apollo's gateway interface)", () => {
  it("answers as graphql-js does: data, and errors with their path, locations, cause and extensions", async () => {
    const { viaGateway, viaGraphqlJs } = await run("query Q($n: Int!) { twice(n: $n) refused failed }", { n: 21 });
    expect(viaGateway.data).toEqual({ twice: 42, refused: null, failed: null });
    expect(JSON.parse(JSON.stringify(viaGateway))).toEqual(JSON.parse(JSON.stringify(viaGraphqlJs)));
    expect(viaGateway.errors!.map((error) => [error.extensions, (error.originalError as Error).message])).toEqual([
      [{ code: "UNKNOWN_COUNTRY" }, "no such country"],
      [{}, "boom"],
    ]);
  });

  it("leaves variables graphql-js refuses, and mutations, to graphql-js", async () => {
    const refused = await run("query Q($n: Int!) { twice(n: $n) }", { n: "1; DROP" });
    expect(refused.viaGateway).toEqual(refused.viaGraphqlJs);
    expect(refused.viaGateway.errors![0]!.nodes).toHaveLength(1);
    const mutation = await run("mutation { touch }");
    expect(mutation.viaGateway).toEqual({ data: { touch: 1 } });
  });

});
