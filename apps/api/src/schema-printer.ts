import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { subgraphSdl } from "./server/federation";

const HEADER = "# Generated from the resolvers by `npm run generate`. Do not edit.\n\n";

/** The schema as SDL, sorted so that the file only changes when the schema does. */
export function printSchemaSdl(schema: GraphQLSchema): string {
  return HEADER + printSchema(lexicographicSortSchema(schema)) + "\n";
}

/** The Federation subgraph's SDL as `_service { sdl }` gives it (already sorted), with the same header. */
export async function printSubgraphSdl(subgraph: GraphQLSchema): Promise<string> {
  return HEADER + (await subgraphSdl(subgraph)) + "\n";
}
