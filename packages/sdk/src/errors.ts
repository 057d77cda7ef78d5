/** A GraphQL error as the API sends it: `extensions.code` is machine-readable (e.g. UNKNOWN_COUNTRY). */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

/** The request failed: the API answered with errors (and no usable data), or the HTTP exchange failed. */
export class TradegraphError extends Error {
  override readonly name = "TradegraphError";

  constructor(
    message: string,
    /** The first error's code (e.g. UNAUTHENTICATED, INVALID_PAGINATION), or HTTP_ERROR / NETWORK_ERROR. */
    readonly code: string,
    /** Every error the API returned. */
    readonly errors: readonly GraphQLErrorEntry[],
    /** HTTP status, when a response arrived. */
    readonly status?: number,
  ) {
    super(message);
  }

  /** True when any of the errors has this code. */
  hasCode(code: string): boolean {
    return this.errors.some((error) => error.extensions?.code === code);
  }
}

/** A mutation's validation problem, as returned in its payload's `userErrors`. */
export interface UserError {
  field: ReadonlyArray<string> | null;
  message: string;
  code: string;
}

export function isTradegraphError(error: unknown): error is TradegraphError {
  return error instanceof TradegraphError;
}
