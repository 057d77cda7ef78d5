/** Machine-readable codes this API returns in `extensions.code`, besides the domain's rule codes. */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  INVALID_PAGINATION: "INVALID_PAGINATION",
  INVALID_CURSOR: "INVALID_CURSOR",
  INVALID_ID: "INVALID_ID",
  /** bilateral(a, b) was given the same country twice. */
  SAME_COUNTRY: "SAME_COUNTRY",
  /** search(text) was blank or too long. */
  INVALID_SEARCH_TEXT: "INVALID_SEARCH_TEXT",
  NOT_FOUND: "NOT_FOUND",
  /** A federation `_entities` representation that is not an object with the __typename of an entity type. */
  INVALID_REPRESENTATION: "INVALID_REPRESENTATION",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  TIMEOUT: "TIMEOUT",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;

/** Codes whose messages are safe to show clients; anything else is masked in production. */
const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR),
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "BATCHING_NOT_ALLOWED",
  "RATE_LIMITED",
  "MAX_COST_EXCEEDED",
  "INVALID_COUNTRY_CODE",
  "UNKNOWN_COUNTRY",
  "INVALID_PERIOD",
  "INVALID_PERIOD_RANGE",
  "INVALID_QUANTITY",
  "INVALID_AMOUNT",
  "INVALID_CURRENCY",
  "INVALID_UNIT",
  "INVALID_COMMODITY_CODE",
  "INVALID_DATE_RANGE",
  "UNKNOWN_COMMODITY",
]);

export function isPublicCode(code: unknown): boolean {
  return typeof code === "string" && PUBLIC_CODES.has(code);
}

