import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, type DocumentNode } from "graphql";
import { getVariableValues } from "graphql/execution/values";
import { estimateCost } from "./estimate";

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
            cost = estimateCost(schema, document, request.operationName, request.variables);
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
