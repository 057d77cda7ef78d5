import { DomainError } from "./errors";

/** Checks that an event's end is not before its start; a missing end means a one-day event. */
export function checkDateRange(start: Date, end: Date | null | undefined): void {
  if (Number.isNaN(start.getTime()) || (end && Number.isNaN(end.getTime()))) {
    throw new DomainError("INVALID_DATE_RANGE", "Dates must be valid calendar dates (YYYY-MM-DD).");
  }
  if (end && end < start) {
    throw new DomainError(
      "INVALID_DATE_RANGE",
      `End date ${end.toISOString().slice(0, 10)} is before start date ${start.toISOString().slice(0, 10)}.`,
    );
  }
}
