import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, type DocumentNode } from "graphql";
import { getVariableValues } from "graphql/execution/values";
import { getComplexity, simpleEstimator, type ComplexityEstimator } from "graphql-query-complexity";
import { DEFAULT_PAGE_SIZE } from "./common/connection";

/**
 * Cost of a list field: each item is paid for, so a connection costs (first or last, default page size)
 * times its selection, and `limit` does the same for ranked lists. As in GitHub's API, nesting multiplies.
 */
const listEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const isConnection = /Connection!?$/.test(String(field.type));
  const size = args.first ?? args.last ?? args.limit ?? (isConnection ? DEFAULT_PAGE_SIZE : undefined);
  if (typeof size === "number") return 1 + Math.max(size, 1) * childComplexity;
  return undefined;
};

/** Costs already computed, per parsed document (Apollo caches documents) and operation + variables. */
const costs = new WeakMap<DocumentNode, Map<string, number>>();
const COSTS_PER_DOCUMENT = 100;

/** Operation name and variables as a cache key; null for variables too large or deep to serialise cheaply. */
function memoKey(operationName: string | null | undefined, variables: Record<string, unknown> | undefined): string | null {
  try {
    const text = JSON.stringify(variables ?? {});
    return text.length <= 2_000 ? `${operationName ?? ""}\n${text}` : null;
  } catch {
    return null;
  }
}

/** Rejects operations whose estimated cost exceeds `maxCost` before they run, with MAX_COST_EXCEEDED. */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          // No operation by that name (e.g. `operationName: ""`), or variables that don't fit their types: execution
          // refuses the request (OPERATION_RESOLUTION_FAILURE, BAD_USER_INPUT; HTTP 400) before running anything,
          // whereas getComplexity would throw from this hook, which is an internal error (HTTP 500).
          if (!operation) return;
          const key = memoKey(request.operationName, request.variables);
          let known = costs.get(document);
          let cost = key === null ? undefined : known?.get(key);
          if (cost === undefined) {
            if (getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}).errors) return;
            cost = getComplexity({
              schema,
              query: document,
              operationName: request.operationName,
              variables: request.variables,
              estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
            if (key !== null) {
              if (!known) costs.set(document, (known = new Map()));
              if (known.size >= COSTS_PER_DOCUMENT) known.clear();
              known.set(key, cost);
            }
          }
          if (cost > maxCost) {
            throw new GraphQLError(`Query cost ${cost} exceeds the limit of ${maxCost}. Ask for fewer items per list or nest fewer lists.`, {
              extensions: { code: "MAX_COST_EXCEEDED", cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
