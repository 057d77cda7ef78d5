import type { DocumentNode, GraphQLSchema } from "graphql";
import { getComplexity, simpleEstimator, type ComplexityEstimator } from "graphql-query-complexity";
import { DEFAULT_PAGE_SIZE } from "../../../common/connection";

/**
 * Cost of a list field: each item is paid for, so a connection costs (first or last, default page size)
 * times its selection, and `limit` does the same for ranked lists. As in GitHub's API, nesting multiplies.
 * Federation's `_entities` pays for each representation it is given.
 */
export const listEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const isConnection = /Connection!?$/.test(String(field.type));
  const representations = field.name === "_entities" && Array.isArray(args.representations) ? args.representations.length : undefined;
  const size = args.first ?? args.last ?? args.limit ?? representations ?? (isConnection ? DEFAULT_PAGE_SIZE : undefined);
  if (typeof size === "number") return 1 + Math.max(size, 1) * childComplexity;
  return undefined;
};

/** The estimated cost of an operation: 1 per field, lists times their page size. Variables must fit their types. */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
): number {
  return getComplexity({
    schema,
    query: document,
    operationName: operationName ?? undefined,
    variables,
    estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
}
