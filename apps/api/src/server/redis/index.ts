import { KeyvAdapter } from "@apollo/utils.keyvadapter";
import type { KeyValueCache, KeyValueCacheSetOptions } from "@apollo/utils.keyvaluecache";
import KeyvRedis from "@keyv/redis";
import { createClient } from "@redis/client";
import type { ClientRateLimitInfo, Options as RateLimitOptions, Store } from "express-rate-limit";
import Keyv from "keyv";
import type { SharedWriteWindows } from "../database";
import type { Logger } from "../logger";
import type { CacheName, Metrics } from "../metrics";
import type { ResponseGeneration } from "../plugins/response-cache";

export interface RedisSettings {
  url: string;
  /** Every command fails after this long (a stalled Redis must not stall requests). */
  commandTimeoutMs: number;
}

/** The shared Redis of REDIS_URL: the rate-limit store and the APQ/response caches, all failing open. */
export interface SharedRedis {
  rateLimitStore(prefix: string): Store;
  cache(name: CacheName): KeyValueCache<string>;
  /** Read-your-writes windows seen by every process; a failed lookup counts as a write (primary). */
  writeWindows(): SharedWriteWindows;
  /**
   * The response cache's generation, part of every response-cache key: `current()` reads it (null when Redis
   * fails: bypass the cache), `bump()` increments it after a write so every earlier answer is missed.
   */
  responseGeneration(): ResponseGeneration;
  close(): Promise<void>;
}

/** Logs a failure at most once per interval, with how many were left out in between. */
function rateLimitedWarn(logger: Logger, intervalMs = 10_000) {
  let last = 0;
  let suppressed = 0;
  return (use: string, error: unknown) => {
    const now = Date.now();
    if (now - last < intervalMs) {
      suppressed += 1;
      return;
    }
    logger.warn({ use, err: error instanceof Error ? error.message : String(error), suppressed }, "redis unavailable: failing open");
    last = now;
    suppressed = 0;
  };
}

/**
 * Rejects after `ms`. node-redis's own command timeout only covers commands not yet written to the socket, so
 * a Redis that stops answering (stalled, or a silent network partition) would otherwise hold requests forever.
 */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`redis command timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** INCR + PEXPIRE in one round trip: the count in this window and the milliseconds until it resets. */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {hits, ttl}`;

/**
 * Connects (in the background) to Redis. The offline queue is off and every call has a deadline, so while
 * Redis is down or stalled a call fails fast instead of waiting; the client reconnects on its own.
 */
export function connectRedis(settings: RedisSettings, logger: Logger, metrics: Metrics): SharedRedis {
  const warn = rateLimitedWarn(logger);
  const client = createClient({
    url: settings.url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: Math.max(1000, settings.commandTimeoutMs),
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** Math.min(retries, 5), 2000),
    },
  });
  client.on("error", (error: unknown) => {
    metrics.redisErrors.inc({ operation: "connection" });
    warn("connection", error);
  });
  client.connect().catch((error: unknown) => warn("connection", error));

  const deadline = <T>(work: Promise<T>) => within(settings.commandTimeoutMs, work);
  const failed = (use: string, error: unknown) => {
    metrics.redisErrors.inc({ operation: use });
    warn(use, error);
  };

  return {
    rateLimitStore(prefix) {
      let windowMs = 60_000;
      const key = (k: string) => `tradegraph:rl:${prefix}:${k}`;
      return {
        prefix,
        localKeys: false,
        init(options: RateLimitOptions) {
          windowMs = options.windowMs;
        },
        async increment(k: string): Promise<ClientRateLimitInfo> {
          try {
            const [hits, ttl] = (await deadline(client.eval(INCREMENT, { keys: [key(k)], arguments: [String(windowMs)] }))) as [number, number];
            return { totalHits: Number(hits), resetTime: new Date(Date.now() + Number(ttl)) };
          } catch (error) {
            failed("rate_limit", error);
            metrics.rateLimitFailOpen.inc();
            // express-rate-limit's passOnStoreError lets the request through.
            throw error;
          }
        },
        async decrement(k: string) {
          try {
            await deadline(client.decr(key(k)));
          } catch (error) {
            failed("rate_limit", error);
          }
        },
        async resetKey(k: string) {
          try {
            await deadline(client.del(key(k)));
          } catch (error) {
            failed("rate_limit", error);
          }
        },
      } satisfies Store;
    },

    cache(name) {
      const store = new KeyvRedis(client as never, { throwOnErrors: true, throwOnConnectError: true });
      const inner = new KeyvAdapter<string>(new Keyv<string>({ store, namespace: `tradegraph:${name}`, throwOnErrors: true }));
      return {
        async get(key: string) {
          try {
            const value = await deadline(inner.get(key));
            metrics.cache.inc({ cache: name, result: value === undefined ? "miss" : "hit" });
            return value;
          } catch (error) {
            failed(name, error);
            metrics.cache.inc({ cache: name, result: "bypass" });
            return undefined;
          }
        },
        async set(key: string, value: string, options?: KeyValueCacheSetOptions) {
          try {
            await deadline(inner.set(key, value, options));
          } catch (error) {
            failed(name, error);
          }
        },
        async delete(key: string) {
          try {
            await deadline(inner.delete(key));
          } catch (error) {
            failed(name, error);
          }
        },
      };
    },

    writeWindows() {
      const key = (c: string) => `tradegraph:rw:${c}`;
      return {
        async mark(c: string, ms: number) {
          try {
            await deadline(client.set(key(c), "1", { expiration: { type: "PX", value: ms } }));
          } catch (error) {
            failed("read_your_writes", error);
          }
        },
        async recent(c: string) {
          try {
            return (await deadline(client.get(key(c)))) !== null;
          } catch (error) {
            failed("read_your_writes", error);
            return true;
          }
        },
      };
    },

    responseGeneration() {
      const key = "tradegraph:response:generation";
      return {
        async current() {
          try {
            return (await deadline(client.get(key))) ?? "0";
          } catch (error) {
            failed("response", error);
            metrics.cache.inc({ cache: "response", result: "bypass" });
            return null;
          }
        },
        async bump() {
          try {
            await deadline(client.incr(key));
          } catch (error) {
            failed("response", error);
          }
        },
      };
    },

    async close() {
      if (client.isOpen) client.destroy();
    },
  };
}
