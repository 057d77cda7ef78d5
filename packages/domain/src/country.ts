import worldCountries from "world-countries";
import { DomainError } from "./errors";

/** ISO 3166-1 alpha-2 code, upper case (e.g. "AZ"). */
export type CountryCode = string;

export interface CountryInfo {
  code: CountryCode;
  alpha3: string;
  numeric: string;
  name: string;
  officialName: string;
  region: string | null;
  subregion: string | null;
}

/** Every officially assigned ISO 3166-1 country, sorted by alpha-2 code. */
export const ISO_COUNTRIES: readonly CountryInfo[] = worldCountries
  .filter((c) => c.status === "officially-assigned" && c.ccn3 !== "")
  .map((c) => ({
    code: c.cca2,
    alpha3: c.cca3,
    numeric: c.ccn3,
    name: c.name.common,
    officialName: c.name.official,
    region: c.region || null,
    subregion: c.subregion || null,
  }))
  .sort((a, b) => a.code.localeCompare(b.code));

const byAlpha2 = new Map(ISO_COUNTRIES.map((c) => [c.code, c]));
const byAlpha3 = new Map(ISO_COUNTRIES.map((c) => [c.alpha3, c]));

/**
 * Parses an ISO 3166-1 alpha-2 or alpha-3 code in any case ("az", "AZE") into the alpha-2 key.
 * Throws INVALID_COUNTRY_CODE for a malformed code and UNKNOWN_COUNTRY for a well-formed unassigned one.
 */
export function parseCountryCode(input: string): CountryCode {
  return lookupCountry(input).code;
}

/** Like parseCountryCode, but returns the whole country record. */
export function lookupCountry(input: string): CountryInfo {
  const code = String(input ?? "").trim().toUpperCase();
  if (!/^[A-Z]{2,3}$/.test(code)) {
    throw new DomainError(
      "INVALID_COUNTRY_CODE",
      `"${input}" is not an ISO 3166-1 code: expected two or three letters, e.g. "AZ" or "AZE".`,
    );
  }
  const found = code.length === 2 ? byAlpha2.get(code) : byAlpha3.get(code);
  if (!found) {
    throw new DomainError("UNKNOWN_COUNTRY", `"${input}" is not an assigned ISO 3166-1 country code.`);
  }
  return found;
}

/** True when the input parses as a known country code. */
export function isCountryCode(input: string): boolean {
  try {
    lookupCountry(input);
    return true;
  } catch {
    return false;
  }
}
