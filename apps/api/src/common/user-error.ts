import { DomainError, type DomainErrorCode } from "@tradegraph/domain";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { numericIdOf, type NodeTypeName } from "./global-id";

/** Why a mutation's input was refused. The domain's rule codes keep their names. */
export enum UserErrorCode {
  INVALID_COUNTRY_CODE = "INVALID_COUNTRY_CODE",
  UNKNOWN_COUNTRY = "UNKNOWN_COUNTRY",
  INVALID_PERIOD = "INVALID_PERIOD",
  INVALID_PERIOD_RANGE = "INVALID_PERIOD_RANGE",
  INVALID_QUANTITY = "INVALID_QUANTITY",
  INVALID_AMOUNT = "INVALID_AMOUNT",
  INVALID_CURRENCY = "INVALID_CURRENCY",
  INVALID_UNIT = "INVALID_UNIT",
  CURRENCY_MISMATCH = "CURRENCY_MISMATCH",
  VALUE_MISMATCH = "VALUE_MISMATCH",
  MISSING_UNIT = "MISSING_UNIT",
  UNIT_WITHOUT_QUANTITY = "UNIT_WITHOUT_QUANTITY",
  INVALID_COMMODITY_CODE = "INVALID_COMMODITY_CODE",
  UNKNOWN_COMMODITY = "UNKNOWN_COMMODITY",
  INVALID_DATE_RANGE = "INVALID_DATE_RANGE",
  INVALID_RANK = "INVALID_RANK",
  INVALID_URL = "INVALID_URL",
  SAME_COUNTRY = "SAME_COUNTRY",
  BLANK = "BLANK",
  TOO_LONG = "TOO_LONG",
  DUPLICATE = "DUPLICATE",
  NOT_FOUND = "NOT_FOUND",
  INVALID_ID = "INVALID_ID",
  IN_USE = "IN_USE",
}
registerEnumType(UserErrorCode, {
  name: "UserErrorCode",
  description: "Machine-readable reason for a UserError.",
  valuesConfig: {
    INVALID_COUNTRY_CODE: { description: "Not an ISO 3166-1 alpha-2 or alpha-3 code (two or three letters)." },
    UNKNOWN_COUNTRY: { description: "A well-formed country code that no ISO 3166-1 country has." },
    INVALID_PERIOD: { description: "Not a calendar month written YYYY-MM, e.g. 2024-01." },
    INVALID_PERIOD_RANGE: { description: "A month range whose first month is after its last." },
    INVALID_QUANTITY: { description: "A quantity (in tonnes, or a supplementary quantity) that is negative or not a finite number." },
    INVALID_AMOUNT: { description: "A value (in USD or the record's currency) that is negative or not a finite number (values are kept to cents)." },
    INVALID_CURRENCY: { description: "Not an ISO 4217 currency code (three letters, e.g. USD, EUR)." },
    INVALID_UNIT: { description: "A supplementary unit that is empty, longer than 16 characters or has control characters." },
    CURRENCY_MISMATCH: { description: "valueUsd given for a record whose currency is not USD: give the value in `value`." },
    VALUE_MISMATCH: { description: "value and valueUsd of a USD record differ; in USD they are one figure." },
    MISSING_UNIT: { description: "A supplementary quantity without its unit." },
    UNIT_WITHOUT_QUANTITY: { description: "A supplementary unit without a quantity." },
    INVALID_COMMODITY_CODE: { description: "Not an HS code of 2, 4 or 6 digits." },
    INVALID_DATE_RANGE: { description: "Not a calendar day (YYYY-MM-DD), or an end day before the start day." },
    INVALID_URL: { description: "Not an http(s) URL." },
    UNKNOWN_COMMODITY: { description: "A well-formed HS code that is not in the commodity list." },
    INVALID_RANK: { description: "A reported rank below 1." },
    SAME_COUNTRY: { description: "Exporter and importer are the same country." },
    BLANK: { description: "A required text is empty or only whitespace." },
    TOO_LONG: { description: "A text is longer than the field allows." },
    DUPLICATE: { description: "Another object already has the same unique key." },
    NOT_FOUND: { description: "The object the ID names does not exist (any more)." },
    INVALID_ID: { description: "The ID is malformed or names an object of another type." },
    IN_USE: { description: "Other objects still refer to this one." },
  },
});

// Every domain rule code is a UserErrorCode of the same name (checked by the compiler).
const FROM_DOMAIN: Record<DomainErrorCode, UserErrorCode> = UserErrorCode;

/** A path into a mutation's arguments, e.g. ["input", "participants", 1, "country"]. */
export type FieldPath = ReadonlyArray<string | number>;

@ObjectType({ description: "Why a mutation refused its input. Nothing is written when a payload has userErrors." })
export class UserError {
  @Field(() => [String], {
    nullable: true,
    description: 'Path to the argument at fault, e.g. ["input", "participants", "1", "country"]; null when no single field is.',
  })
  field!: string[] | null;

  @Field(() => String, { description: "What is wrong, in English, for people; match on `code` in programs." })
  message!: string;

  @Field(() => UserErrorCode, { description: "Why the input was refused, for programs." })
  code!: UserErrorCode;
}

export function userError(field: FieldPath | null, code: UserErrorCode, message: string): UserError {
  return { field: field ? field.map(String) : null, code, message };
}

/** Collects every problem with one mutation's input, so a client can fix them all at once. */
export class UserErrors {
  readonly list: UserError[] = [];

  get any(): boolean {
    return this.list.length > 0;
  }

  add(field: FieldPath | null, code: UserErrorCode, message: string): void {
    this.list.push(userError(field, code, message));
  }

  /** Runs a domain parse; a broken rule is recorded against `field` and yields undefined. */
  parse<T>(field: FieldPath, parse: () => T): T | undefined {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.add(field, FROM_DOMAIN[error.code], error.message);
      return undefined;
    }
  }

  /** The database key of a `type` global ID, or undefined after recording INVALID_ID. */
  id(field: FieldPath, type: NodeTypeName, id: string): number | undefined {
    try {
      return numericIdOf(type, id);
    } catch {
      this.add(field, UserErrorCode.INVALID_ID, `"${id}" is not the ID of a ${type}.`);
      return undefined;
    }
  }

  /** A required text, trimmed; blank or longer than `maxLength` is recorded and yields undefined. */
  text(field: FieldPath, value: string, maxLength = Infinity): string | undefined {
    const text = value.trim();
    if (text === "") this.add(field, UserErrorCode.BLANK, "Must not be blank.");
    else if (text.length > maxLength) this.add(field, UserErrorCode.TOO_LONG, `Must be at most ${maxLength} characters, got ${text.length}.`);
    else return text;
    return undefined;
  }

  /** A list of required texts, trimmed; each blank one is recorded at its index. */
  texts(field: FieldPath, values: readonly string[]): string[] {
    return values.flatMap((value, index) => this.text([...field, index], value) ?? []);
  }
}

/** An optional text: trimmed, blank becomes null, undefined (not given) stays undefined. */
export function optionalText(value: string | null | undefined): string | null | undefined {
  return value == null ? value : value.trim() || null;
}
