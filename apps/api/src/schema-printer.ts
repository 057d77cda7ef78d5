import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";

const HEADER = "# Generated from the resolvers by `npm run generate`. Do not edit.\n\n";

/** The schema as SDL, sorted so that the file only changes when the schema does. */
export function printSchemaSdl(schema: GraphQLSchema): string {
  return HEADER + printSchema(lexicographicSortSchema(schema)) + "\n";
}
