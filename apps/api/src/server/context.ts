import type { Database } from "@tradegraph/db";
import { GraphQLError } from "graphql";
import { authenticate } from "../auth/auth.service";
import type { Env } from "../env";
import { createLoaders, type Loaders } from "../loaders";
import type { ReferenceData } from "../reference-data";
import { databaseUnavailable, ErrorCode, isDatabaseDown, withHttpStatus } from "./errors";
import type { DatabaseRouter } from "./database";
import type { HttpContextArgument } from "./http/graphql";
import type { Logger } from "./logger";

export type Role = "READER" | "EDITOR" | "ADMIN";

/** The API key a request authenticated with, if any. */
export interface Caller {
  keyId: number;
  name: string;
  prefix: string;
  role: Role;
}

/** Per-request state handed to every resolver. */
export interface Context {
  /** The database this request reads from: a replica or the primary (mutations: always the primary). */
  db: Database;
  /** Whose read-your-writes window the request belongs to: "key:<id>", or "ip:<address>" without a key. */
  client: string | null;
  env: Env;
  loaders: Loaders;
  /** Countries and commodities in memory, shared by all requests. */
  reference: ReferenceData;
  caller: Caller | null;
  requestId: string;
  logger: Logger;
}

export interface ContextDeps {
  /** The primary. */
  db: Database;
  router: DatabaseRouter;
  env: Env;
  logger: Logger;
  reference: ReferenceData;
}

export async function createContext(
  deps: ContextDeps,
  request: { requestId: string; caller: Caller | null; address?: string },
): Promise<Context> {
  const client = request.caller ? `key:${request.caller.keyId}` : request.address ? `ip:${request.address}` : null;
  // Only a client with a key can have written (mutations need one): only it may cost a shared-window lookup.
  const db = await deps.router.readerFor(client, request.caller !== null);
  return {
    db,
    client,
    env: deps.env,
    loaders: createLoaders(db, deps.reference),
    reference: deps.reference,
    caller: request.caller,
    requestId: request.requestId,
    logger: deps.logger.child({ requestId: request.requestId }),
  };
}

/**
 * The context of each GraphQL request: authenticates the `Authorization` header (a refused key is HTTP 401,
 * an unreachable database 503) on the primary, enforces READS_REQUIRE_KEY, then builds the per-request state
 * on the database the router picks for this client.
 */
export function contextFactory(deps: ContextDeps) {
  return async ({ req, res }: HttpContextArgument): Promise<Context> => {
    let caller = null;
    try {
      caller = await authenticate(deps.db, req.headers.authorization);
    } catch (error) {
      if (error instanceof GraphQLError) throw withHttpStatus(error, 401);
      if (isDatabaseDown(error)) throw databaseUnavailable();
      throw error;
    }
    if (deps.env.readsRequireKey && !caller) {
      throw new GraphQLError("This server needs an API key for every request: send `Authorization: Bearer <key>`.", {
        extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
      });
    }
    return createContext(deps, { requestId: res.locals.requestId as string, caller, address: req.ip });
  };
}
