import type { ApolloServerPlugin } from "@apollo/server";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import type { Context } from "../../context";
import { cachedOperationPolicy } from "../cache-control";

const hasKey = (headers: { get(name: string): string | undefined } | undefined) => Boolean(headers?.get("authorization"));

/**
 * A shared cache of public read answers (queries sent without an API key), through Apollo's response-cache
 * plugin, for as long as our Cache-Control policy allows (an hour for reference data, a minute otherwise).
 * Apollo's plugin reads the request's overall cache policy, which Apollo's own cache-control plugin would fill
 * with per-field hints (slow, and disabled here): this plugin sets it from our per-document policy instead.
 * A hit skips execution, and so `@Authorized`: requests with an API key never read or fill the cache, and the
 * caller's key and role are part of the cache key as well. Mutations are never cached. `x-cache: HIT|MISS`.
 */
export function responseCachePluginFor(cache: KeyValueCache<string>): ApolloServerPlugin<Context>[] {
  const apollo = responseCachePlugin<Context>({
    cache,
    sessionId: async () => null,
    extraCacheKeyData: async ({ contextValue }) => (contextValue.caller ? { key: contextValue.caller.prefix, role: contextValue.caller.role } : null),
    shouldReadFromCache: async ({ request, contextValue }) => !contextValue.caller && !hasKey(request.http?.headers),
    shouldWriteToCache: async ({ request, contextValue }) => !contextValue.caller && !hasKey(request.http?.headers),
  });
  const policy: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, operationName, overallCachePolicy, request, contextValue }) {
          if (contextValue.caller || hasKey(request.http?.headers)) return;
          const found = cachedOperationPolicy(schema, document, operation, operationName);
          if (found.kind === "cacheable") overallCachePolicy.replace({ maxAge: found.maxAge, scope: "PUBLIC" });
        },
        async willSendResponse({ operation, metrics, overallCachePolicy, response }) {
          if (operation?.operation !== "query") return;
          if (metrics.responseCacheHit) response.http.headers.set("x-cache", "HIT");
          else if (overallCachePolicy.policyIfCacheable()) response.http.headers.set("x-cache", "MISS");
        },
      };
    },
  };
  return [policy, apollo];
}
