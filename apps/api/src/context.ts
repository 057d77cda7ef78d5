import type { Database } from "@tradegraph/db";
import type { Env } from "./env";
import { createLoaders, type Loaders } from "./loaders";
import type { Logger } from "./logger";
import type { ReferenceData } from "./reference-data";

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
  db: Database;
  env: Env;
  loaders: Loaders;
  /** Countries and commodities in memory, shared by all requests. */
  reference: ReferenceData;
  caller: Caller | null;
  requestId: string;
  logger: Logger;
}

export function createContext(
  deps: { db: Database; env: Env; logger: Logger; reference: ReferenceData },
  request: { requestId: string; caller: Caller | null },
): Context {
  return {
    db: deps.db,
    env: deps.env,
    loaders: createLoaders(deps.db, deps.reference),
    reference: deps.reference,
    caller: request.caller,
    requestId: request.requestId,
    logger: deps.logger.child({ requestId: request.requestId }),
  };
}
