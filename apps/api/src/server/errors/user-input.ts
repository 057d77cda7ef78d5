import { DomainError } from "@tradegraph/domain";
import { GraphQLError } from "graphql";

/** An error the client caused and can act on; shown to clients as it is. */
export function userInputError(code: string, message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...(field ? { field } : {}) } });
}

/** Runs a domain parse and reports a broken rule as a GraphQL error attributed to `field`. */
export function parseInput<T>(field: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof DomainError) throw userInputError(error.code, error.message, field);
    throw error;
  }
}
