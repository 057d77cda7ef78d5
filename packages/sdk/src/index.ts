export { createClient } from "./client.js";
export type { ClientOptions, OperationMethods, RequestOptions, TradegraphClient } from "./client.js";
export { TradegraphError, isTradegraphError } from "./errors.js";
export type { GraphQLErrorEntry, UserError } from "./errors.js";
export { collectAll, paginate } from "./paginate.js";
export type { ConnectionPage } from "./paginate.js";
export { operations } from "./operations.js";
export { possibleTypes } from "./cache.js";
export * from "./generated/graphql.js";
