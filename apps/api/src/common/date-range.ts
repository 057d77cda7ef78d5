import { checkDateRange } from "@tradegraph/domain";
import { Field, InputType } from "type-graphql";
import { parseInput, userInputError } from "../server/errors";

@InputType({ description: "A range of calendar days, both ends included; leave an end out to keep it open." })
export class DateRangeInput {
  @Field(() => String, { nullable: true, description: "First day, YYYY-MM-DD." })
  from?: string | null;

  @Field(() => String, { nullable: true, description: "Last day, YYYY-MM-DD." })
  to?: string | null;
}

/** A validated range of days as "YYYY-MM-DD" strings (bound into SQL as `::date`), null for an open end. */
export interface DayRange {
  from: string | null;
  to: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "2024-02-16" as a UTC date; null for other shapes, year 0000 and days the month doesn't have. */
export function parseDay(input: string): Date | null {
  if (!DAY.test(input) || input.startsWith("0000")) return null;
  const date = new Date(`${input}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === input ? date : null;
}

/** Checks both ends of a day range (the domain's INVALID_DATE_RANGE rule), attributing errors to `field`. */
export function dayRangeOf(input: DateRangeInput | null | undefined, field: string): DayRange {
  const ends = { from: input?.from?.trim() ?? null, to: input?.to?.trim() ?? null };
  const dates: Record<keyof DayRange, Date | null> = { from: null, to: null };
  for (const end of ["from", "to"] as const) {
    const value = ends[end];
    if (value == null) continue;
    dates[end] = parseDay(value);
    if (!dates[end]) {
      throw userInputError("INVALID_DATE_RANGE", `"${value}" is not a calendar day: expected YYYY-MM-DD, e.g. "2024-02-16".`, `${field}.${end}`);
    }
  }
  if (dates.from && dates.to) parseInput(field, () => checkDateRange(dates.from!, dates.to));
  return ends;
}
