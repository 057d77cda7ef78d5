import type { ApolloServerPlugin } from "@apollo/server";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import type { Context } from "../../context";
import { cachedOperationPolicy } from "../cache-control";

/** The response cache's generation in Redis (SharedRedis.responseGeneration). */
export interface ResponseGeneration {
  current(): Promise<string | null>;
  bump(): Promise<void>;
}

const hasKey = (headers: { get(name: string): string | undefined } | undefined) => Boolean(headers?.get("authorization"));

/**
 * A shared cache of public read answers (queries sent without an API key), through Apollo's response-cache
 * plugin, for as long as our Cache-Control policy allows (an hour for reference data, a minute otherwise).
 * Apollo's plugin reads the request's overall cache policy, which Apollo's own cache-control plugin would fill
 * with per-field hints (slow, and disabled here): this plugin sets it from our per-document policy instead.
 * A hit skips execution, and so `@Authorized`: requests with an API key never read or fill the cache, and the
 * caller's key and role are part of the cache key as well. Mutations are never cached. `x-cache: HIT|MISS`.
 *
 * Writes: every key is prefixed with the cache's generation, read once per cacheable public query; a mutation
 * sent with an API key (only those can write) increments it before its answer is sent, so no process serves an
 * answer filled before the write. Generation unreadable (Redis down): the request bypasses the cache.
 */
export function responseCachePluginFor(cache: KeyValueCache<string>, generation: ResponseGeneration): ApolloServerPlugin<Context>[] {
  /** The generation each cacheable public query reads and fills the cache under; absent: no cache. */
  const generationOf = new WeakMap<Context, string>();
  const usesCache = async ({ contextValue }: { contextValue: Context }) => generationOf.has(contextValue);
  const apollo = responseCachePlugin<Context>({
    cache,
    sessionId: async () => null,
    extraCacheKeyData: async ({ contextValue }) => ({
      generation: generationOf.get(contextValue) ?? null,
      ...(contextValue.caller ? { key: contextValue.caller.prefix, role: contextValue.caller.role } : {}),
    }),
    shouldReadFromCache: usesCache,
    shouldWriteToCache: usesCache,
  });
  const policy: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, operationName, overallCachePolicy, request, contextValue }) {
          if (contextValue.caller || hasKey(request.http?.headers)) return;
          const found = cachedOperationPolicy(schema, document, operation, operationName);
          if (found.kind !== "cacheable") return;
          overallCachePolicy.replace({ maxAge: found.maxAge, scope: "PUBLIC" });
          const current = await generation.current();
          if (current !== null) generationOf.set(contextValue, current);
        },
        async willSendResponse({ operation, metrics, overallCachePolicy, response, contextValue }) {
          if (operation?.operation === "mutation" && contextValue.caller) await generation.bump();
          if (operation?.operation !== "query") return;
          if (metrics.responseCacheHit) response.http.headers.set("x-cache", "HIT");
          else if (overallCachePolicy.policyIfCacheable()) response.http.headers.set("x-cache", "MISS");
        },
      };
    },
  };
  return [policy, apollo];
}
