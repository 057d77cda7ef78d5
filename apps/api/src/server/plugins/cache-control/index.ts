import type { ApolloServerPlugin } from "@apollo/server";
import type { DocumentNode } from "graphql";
import { cacheControlHeader, operationCachePolicy, type OperationCachePolicy } from "./policy";

/** Policies already computed, per parsed document (Apollo caches documents) and operation name. */
const policies = new WeakMap<DocumentNode, Map<string, OperationCachePolicy>>();

/**
 * Cache-Control on every GraphQL answer, from a policy computed once per parsed document and operation
 * (see policy.ts) instead of Apollo's per-field cache hints, which wrap every resolver of every row.
 */
export function cacheControlPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      let policy: OperationCachePolicy = { kind: "no-store" };
      return {
        async didResolveOperation({ document, operation, schema, operationName }) {
          if (!operation) return;
          let known = policies.get(document);
          if (!known) policies.set(document, (known = new Map()));
          const key = operationName ?? "";
          let found = known.get(key);
          if (!found) known.set(key, (found = operationCachePolicy(schema, document, operation)));
          policy = found;
        },
        async willSendResponse({ request, response }) {
          const body = response.body.kind === "single" ? response.body.singleResult : undefined;
          const header = cacheControlHeader(policy, {
            withKey: Boolean(request.http?.headers.get("authorization")),
            hasErrors: !body || Boolean(body.errors?.length),
          });
          response.http.headers.set("cache-control", header);
        },
      };
    },
  };
}
