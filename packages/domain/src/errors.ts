/** Machine-readable codes for every rule the domain enforces. */
export type DomainErrorCode =
  | "INVALID_COUNTRY_CODE"
  | "UNKNOWN_COUNTRY"
  | "INVALID_PERIOD"
  | "INVALID_PERIOD_RANGE"
  | "INVALID_QUANTITY"
  | "INVALID_AMOUNT"
  | "INVALID_CURRENCY"
  | "INVALID_UNIT"
  | "INVALID_COMMODITY_CODE"
  | "INVALID_DATE_RANGE";

/** A rule was broken by an input value. `field` names the input when the caller knows it. */
export class DomainError extends Error {
  override readonly name = "DomainError";

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  /** The same error, attributed to an input field. */
  withField(field: string): DomainError {
    return new DomainError(this.code, this.message, field);
  }
}
