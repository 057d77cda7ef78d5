import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from "graphql";
import { cacheControlHeader, operationCachePolicy, type OperationCachePolicy } from "./policy";

/** Policies already computed, per parsed document (Apollo caches documents) and operation name. */
const policies = new WeakMap<DocumentNode, Map<string, OperationCachePolicy>>();
const NO_STORE: OperationCachePolicy = { kind: "no-store" };

/** The policy of a document's operation, computed once per parsed document and operation name. */
export function cachedOperationPolicy(
  schema: GraphQLSchema,
  document: DocumentNode | undefined,
  operation: OperationDefinitionNode | undefined,
  operationName: string | null | undefined,
): OperationCachePolicy {
  if (!document || !operation) return NO_STORE;
  let known = policies.get(document);
  if (!known) policies.set(document, (known = new Map()));
  const key = operationName ?? "";
  let policy = known.get(key);
  if (!policy) known.set(key, (policy = operationCachePolicy(schema, document, operation)));
  return policy;
}

/** One listener for every request: it keeps no per-request state, so nothing is allocated per request. */
const listener: GraphQLRequestListener<never> = {
  async willSendResponse({ request, response, document, operation, operationName, schema }) {
    const policy = cachedOperationPolicy(schema, document, operation, operationName);
    const body = response.body.kind === "single" ? response.body.singleResult : undefined;
    // Shared caches must not hand an anonymous answer to a request with a key (`viewer` differs), nor one page's
    // CORS answer to another origin. Express's own Vary (set by cors) is replaced by this one.
    response.http.headers.set("vary", "Origin, Authorization");
    response.http.headers.set(
      "cache-control",
      cacheControlHeader(policy, { withKey: Boolean(request.http?.headers.get("authorization")), hasErrors: !body || Boolean(body.errors?.length) }),
    );
  },
};

/**
 * Cache-Control on every GraphQL answer, from a policy computed once per parsed document and operation
 * (see policy.ts) instead of Apollo's per-field cache hints, which wrap every resolver of every row.
 */
export function cacheControlPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
