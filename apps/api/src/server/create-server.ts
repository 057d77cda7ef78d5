import "reflect-metadata";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { Database } from "@tradegraph/db";
import express from "express";
import type { Env } from "../env";
import { createReferenceData } from "../reference-data";
import { createSchema } from "../schema";
import { contextFactory, type Context } from "./context";
import { DatabaseRouter, databaseRoutingPlugin } from "./database";
import { compiledExecution } from "./execution";
import { formatErrorPolicy } from "./errors";
import { corsMiddleware } from "./http/cors";
import { healthRoutes } from "./http/health";
import { httpErrorHandler, httpErrorReply } from "./http/error-handler";
import { graphqlHandler, isGraphQLPath, type Middleware } from "./http/graphql";
import { rateLimitMiddleware } from "./http/rate-limit";
import { requestIdMiddleware } from "./http/request-id";
import type { Logger } from "./logger";
import { createMetrics, metricsHandler, metricsPlugin, type NamedPool } from "./metrics";
import { connectRedis } from "./redis";
import { cacheControlPlugin } from "./plugins/cache-control";
import { costLimitPlugin } from "./plugins/cost-limit";
import { databaseOutagePlugin } from "./plugins/database-outage";
import { createSubgraphSchema } from "./federation";
import { explorerPlugin, GRAPHIQL_PATH, graphiqlHandler } from "./plugins/explorer";
import { requestLogPlugin } from "./plugins/request-log";
import { responseCachePluginFor } from "./plugins/response-cache";
import { documentLimits } from "./validation";

export interface ServerDeps {
  env: Env;
  /** The primary database. */
  db: Database;
  logger: Logger;
  /** Read replicas (openDatabaseRouter); without it every request uses `db`. */
  router?: DatabaseRouter;
  /** Database pools reported in /metrics; default: the router's (primary and replicas). */
  pools?: NamedPool[];
}

export interface TradegraphServer {
  app: express.Express;
  httpServer: http.Server;
  /** Starts listening; resolves with the GraphQL endpoint's URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops taking requests, lets running ones finish, then stops Apollo. The database stays open. */
  close(): Promise<void>;
}

/** Builds the HTTP server (node:http + Apollo Server 5 on /graphql, Express 5 for the rest) around an open database. Does not listen. */
export async function createServer({ env, db, logger, router = new DatabaseRouter(db, { ...env.replicas, urls: [] }), pools = router.pools() }: ServerDeps): Promise<TradegraphServer> {
  const schema = await (env.federation ? createSubgraphSchema() : createSchema());
  const reference = createReferenceData(db);
  await Promise.all([reference.countries(), reference.commodities()]);
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  // Its request listener is added once Apollo has started (below).
  const httpServer = http.createServer();
  const limits = documentLimits(env);
  const metrics = createMetrics(pools);
  // REDIS_URL: rate limits, persisted queries and public answers shared by all replicas; unset: in memory.
  const redis = env.redis ? connectRedis(env.redis, logger, metrics) : null;
  if (redis) router.shareWrites(redis.writeWindows());

  const apollo = new ApolloServer<Context>({
    // graphql-jit executes the operations (server/execution); Apollo parses, validates and runs the plugins.
    gateway: compiledExecution(schema),
    introspection: env.introspection,
    csrfPrevention: true,
    // main.ts stops the server on SIGTERM/SIGINT (drain, close the database, exit 0). Apollo's own signal handlers
    // would race it: their stop() never releases a concurrent stop(), so shutdown hung until the 15 s force exit.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: env.allowBatching,
    includeStacktraceInErrorResponses: !env.production,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    formatError: formatErrorPolicy(env, logger),
    ...(redis ? { persistedQueries: { cache: redis.cache("apq") } } : {}),
    plugins: [
      ...(env.metrics.enabled ? [metricsPlugin(metrics)] : []),
      ...limits.plugins,
      costLimitPlugin(env.limits.maxCost),
      // Apollo's cache-control plugin wraps every field of every row to collect hints; ours decides per document.
      ApolloServerPluginCacheControlDisabled(),
      cacheControlPlugin(),
      // Apollo Server would answer a subgraph's `apollo-federation-include-trace` header with per-field timings.
      ApolloServerPluginInlineTraceDisabled(),
      ...(redis ? responseCachePluginFor(redis.cache("response"), redis.responseGeneration()) : []),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      explorerPlugin(env),
      requestLogPlugin(logger),
      databaseOutagePlugin(),
      databaseRoutingPlugin(router),
    ],
  });
  await apollo.start();

  // Before CORS and outside /graphql's rate limits: for Prometheus, not browsers.
  if (env.metrics.enabled) app.get("/metrics", metricsHandler(metrics, env.metrics.token));
  app.use(corsMiddleware(env.cors));
  app.use(healthRoutes(db));
  if (env.explorer !== "none") app.get(GRAPHIQL_PATH, graphiqlHandler);
  const graphql = graphqlHandler(apollo, {
    middlewares: [
      corsMiddleware(env.cors) as unknown as Middleware,
      requestIdMiddleware(env.sqlStatementHeader),
      ...rateLimitMiddleware(env.rateLimit, { logger, metrics, store: redis?.rateLimitStore }),
      express.json({ limit: env.limits.bodyLimit }) as unknown as Middleware,
    ],
    context: contextFactory({ db, router, env, logger, reference }),
    onError: httpErrorReply(env.limits.bodyLimit, logger),
    // express-rate-limit checks the app's `trust proxy` setting.
    requestProperties: { app },
  });
  // /graphql is served without Express (http/graphql.ts); Express serves the rest (health, metrics, GraphiQL).
  httpServer.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => (isGraphQLPath(req.url) ? graphql(req, res) : app(req, res)));
  app.use(httpErrorHandler(env.limits.bodyLimit, logger));

  return {
    app,
    httpServer,
    listen(port = env.port, host = env.host) {
      return new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          const { address, port: actual } = httpServer.address() as AddressInfo;
          const shown = address.includes(":") ? `[${address}]` : address;
          resolve(`http://${shown}:${actual}/graphql`);
        });
      });
    },
    async close() {
      await apollo.stop();
      await redis?.close();
    },
  };
}
