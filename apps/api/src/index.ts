/** @tradegraph/api as a library: the server factory and what starting it needs (bin/main.ts is the entry point). */
export { createServer, type ServerDeps, type TradegraphServer } from "./server/create-server";
export { parseEnv, type Env } from "./env";
export { createLogger, type Logger } from "./server/logger";
export { countStatement } from "./sql";
export { generateApiKey } from "./auth/api-key";
export { toGlobalId } from "./common/global-id";
