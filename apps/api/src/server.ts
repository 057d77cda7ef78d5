import "reflect-metadata";
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { Database } from "@tradegraph/db";
import express, { type ErrorRequestHandler } from "express";
import { GraphQLError, type GraphQLFormattedError, type ValidationRule } from "graphql";
import { authenticate } from "./auth/auth.service";
import { createContext, type Context } from "./context";
import { costLimitPlugin } from "./cost";
import type { Env } from "./env";
import { ErrorCode, isPublicCode } from "./errors";
import type { Logger } from "./logger";
import { rateLimitMiddleware } from "./rate-limit";
import { createReferenceData } from "./reference-data";
import { createSchema } from "./schema";
import { withStatementCounter } from "./sql";

export interface ServerDeps {
  env: Env;
  db: Database;
  logger: Logger;
}

export interface TradegraphServer {
  app: express.Express;
  httpServer: http.Server;
  /** Starts listening; resolves with the GraphQL endpoint's URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops taking requests, lets running ones finish, then stops Apollo. The database stays open. */
  close(): Promise<void>;
}

const LIMIT_CODES: Array<[RegExp, string]> = [
  [/depth limit/i, "MAX_DEPTH_EXCEEDED"],
  [/aliases limit/i, "MAX_ALIASES_EXCEEDED"],
  [/directives limit/i, "MAX_DIRECTIVES_EXCEEDED"],
  [/token limit|Document contains more th(?:an|at) \d+ tokens/i, "MAX_TOKENS_EXCEEDED"],
];

/** Messages and codes of an error and its causes: Prisma's driver-adapter errors carry pg's code in `cause`. */
function errorText(error: unknown, depth = 0): string {
  if (error == null || typeof error !== "object" || depth > 3) return "";
  const e = error as { message?: unknown; code?: unknown; originalCode?: unknown; kind?: unknown; cause?: unknown };
  return [e.message, e.code, e.originalCode, e.kind].filter((v) => typeof v === "string").join(" ") + " " + errorText(e.cause, depth + 1);
}

/** PostgreSQL errors that mean the database is unreachable rather than that the request was wrong. */
function isDatabaseDown(error: unknown): boolean {
  // pg and PostgreSQL (SQLSTATE classes 08, 57P0x, 53300), and Prisma's P1001/P1002/P1017/P2024 for the same.
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection terminated|connection timeout|timeout exceeded when trying to connect|terminating connection|Can't reach database server|\b(57P0[123]|08\d{3}|53300|P1001|P1002|P1017|P2024)\b|DatabaseNotReachable|TooManyConnections|the database system is/i.test(
    errorText(error),
  );
}

/** Prisma got no connection for a transaction within its wait (P2028): the pool is busy, the request is fine. */
const isPoolBusy = (error: unknown) => /Unable to start a transaction in the given time/i.test(errorText(error));

/** Text PostgreSQL cannot take, such as U+0000 (SQLSTATE 22021, 22P05): the client's input, not a server fault. */
const isUnstorableText = (error: unknown) => /\b(22021|22P05)\b|invalid byte sequence for encoding/i.test(errorText(error));

function databaseUnavailable(): GraphQLError {
  return new GraphQLError("The database is unavailable. Try again shortly.", {
    extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, http: { status: 503, headers: new HeaderMap([["retry-after", "1"]]) } },
  });
}

/** graphql-js 16 validates an operation type the schema lacks (a subscription here) and fails it only when run. */
const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(new GraphQLError(`This API has no ${node.operation} operations.`, { nodes: node }));
    }
  },
});

function errorPolicy(env: Env, logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as GraphQLError)?.originalError ?? error;
    const code = formatted.extensions?.code as string | undefined;
    const limit = LIMIT_CODES.find(([pattern]) => pattern.test(String(formatted.message)));
    if (limit && (code === "GRAPHQL_VALIDATION_FAILED" || code === "GRAPHQL_PARSE_FAILED" || code === "BAD_USER_INPUT")) {
      return { ...formatted, extensions: { code: limit[1] } };
    }
    if (code === ErrorCode.INTERNAL_SERVER_ERROR && formatted.message === "provided sha does not match query") {
      return { ...formatted, extensions: { ...formatted.extensions, code: "BAD_REQUEST" } };
    }
    if (isPublicCode(code)) return formatted;
    if (/canceling statement due to statement timeout/i.test(String((original as Error)?.message))) {
      return { message: "The request took too long and was stopped.", path: formatted.path, extensions: { code: ErrorCode.TIMEOUT } };
    }
    if (isDatabaseDown(original)) {
      return {
        message: "The database is unavailable. Try again shortly.",
        path: formatted.path,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      };
    }
    if (isPoolBusy(original)) {
      return { message: "The server is busy. Try again shortly.", path: formatted.path, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
    }
    if (isUnstorableText(original)) {
      return {
        message: "The input contains a character the database cannot store or search (such as U+0000).",
        path: formatted.path,
        extensions: { code: ErrorCode.BAD_USER_INPUT },
      };
    }
    const errorId = randomUUID();
    logger.error({ errorId, err: original, path: formatted.path }, "unexpected error");
    if (env.production) {
      return { message: `Internal error (id ${errorId}).`, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, errorId } };
    }
    return { ...formatted, extensions: { ...formatted.extensions, code: code ?? ErrorCode.INTERNAL_SERVER_ERROR, errorId } };
  };
}

/** One JSON log line per GraphQL request: operation, duration, statements, error codes. */
function requestLogPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, errors, response }) {
          const body = response.body.kind === "single" ? response.body.singleResult : undefined;
          const codes = [...(errors ?? []), ...((body?.errors ?? []) as GraphQLError[])]
            .map((e) => (e.extensions as { code?: string } | undefined)?.code)
            .filter(Boolean);
          logger.info(
            {
              requestId: contextValue.requestId,
              operationName: operationName ?? null,
              durationMs: Number(process.hrtime.bigint() - started) / 1e6,
              key: contextValue.caller?.prefix ?? null,
              errorCodes: [...new Set(codes)],
            },
            "graphql request",
          );
        },
      };
    },
  };
}

/** A response without data because the database is unreachable is HTTP 503 with Retry-After, so clients back off. */
function databaseOutagePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const body = response.body.kind === "single" ? response.body.singleResult : undefined;
          if (body && body.data == null && body.errors?.some((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) {
            response.http.status = 503;
            response.http.headers.set("retry-after", "1");
          }
        },
      };
    },
  };
}

function jsonError(status: number, code: string, message: string) {
  return { status, body: { errors: [{ message, extensions: { code } }] } };
}

/** Builds the HTTP server (Express 5 + Apollo Server 5) around an open database. Does not listen. */
export async function createServer({ env, db, logger }: ServerDeps): Promise<TradegraphServer> {
  const schema = await createSchema();
  const reference = createReferenceData(db);
  await Promise.all([reference.countries(), reference.commodities()]);
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  const httpServer = http.createServer(app);

  const armor = new ApolloArmor({
    maxDepth: { n: env.limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: env.limits.maxAliases },
    maxDirectives: { n: env.limits.maxDirectives },
    // Tokens are limited by the parser (parseOptions below): armor's token plugin throws from a hook, which is HTTP 500.
    maxTokens: { enabled: false },
    // Cost is limited by costLimitPlugin, which multiplies by page sizes.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: env.production },
  }).protect();

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: env.introspection,
    csrfPrevention: true,
    // main.ts stops the server on SIGTERM/SIGINT (drain, close the database, exit 0). Apollo's own signal handlers
    // would race it: their stop() never releases a concurrent stop(), so shutdown hung until the 15 s force exit.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: env.allowBatching,
    includeStacktraceInErrorResponses: !env.production,
    parseOptions: { maxTokens: env.limits.maxTokens },
    validationRules: [...armor.validationRules, knownOperationTypes],
    formatError: errorPolicy(env, logger),
    plugins: [
      ...armor.plugins,
      costLimitPlugin(env.limits.maxCost),
      // No field sets cache hints; the default plugin would still wrap every field of every row.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      env.sandbox ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }) : ApolloServerPluginLandingPageDisabled(),
      requestLogPlugin(logger),
      databaseOutagePlugin(),
    ],
  });
  await apollo.start();

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });

  app.get("/readyz", async (_req, res) => {
    try {
      await db.pool.query("SELECT 1");
      res.json({ status: "ready" });
    } catch {
      res.status(503).json({ status: "unavailable", reason: "database unreachable" });
    }
  });

  app.use(
    "/graphql",
    (req, res, next) => {
      const requestId = req.get("x-request-id")?.slice(0, 100) || randomUUID();
      res.setHeader("x-request-id", requestId);
      res.locals.requestId = requestId;
      if (!env.sqlStatementHeader) return next();
      // Statements are counted only when reported: the async context costs CPU on every promise.
      const counter = { count: 0 };
      const writeHead = res.writeHead;
      res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
        if (!res.headersSent) res.setHeader("x-sql-statements", String(counter.count));
        return writeHead.apply(this, args);
      } as typeof writeHead;
      withStatementCounter(counter, () => next());
    },
    ...rateLimitMiddleware(env.rateLimit, logger),
    express.json({ limit: env.limits.bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        let caller = null;
        try {
          caller = await authenticate(db, req.headers.authorization);
        } catch (error) {
          if (error instanceof GraphQLError) {
            throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 401 } } });
          }
          if (isDatabaseDown(error)) throw databaseUnavailable();
          throw error;
        }
        if (env.readsRequireKey && !caller) {
          throw new GraphQLError("This server needs an API key for every request: send `Authorization: Bearer <key>`.", {
            extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
          });
        }
        return createContext({ db, env, logger, reference }, { requestId: res.locals.requestId as string, caller });
      },
    }),
  );

  const onHttpError: ErrorRequestHandler = (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = Number((error as { status?: number }).status) || 500;
    const type = (error as { type?: string }).type;
    const reply =
      type === "entity.too.large"
        ? jsonError(413, "PAYLOAD_TOO_LARGE", `The request body is larger than ${env.limits.bodyLimit}.`)
        : type === "entity.parse.failed"
          ? jsonError(400, "BAD_REQUEST", "The request body is not valid JSON.")
          : status < 500
            ? jsonError(status, "BAD_REQUEST", String((error as Error).message))
            : jsonError(500, ErrorCode.INTERNAL_SERVER_ERROR, "Internal error.");
    if (reply.status >= 500) logger.error({ err: error }, "http error");
    res.status(reply.status).json(reply.body);
  };
  app.use(onHttpError);

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
    },
  };
}
