import { GraphQLError } from "graphql";
import { decodeCursor, encodeCursor } from "../keyset";

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof GraphQLError ? [error.extensions.code, error.extensions.field] : error;
  }
  return "no error";
};

describe("keyset cursors", () => {
  it("round-trip a sort value and an id of each type", () => {
    expect(decodeCursor(encodeCursor("523500.5", 42), "numeric", "after")).toEqual(["523500.5", 42]);
    expect(decodeCursor(encodeCursor("2024-02-29", 7), "date", "after")).toEqual(["2024-02-29", 7]);
    expect(decodeCursor(encodeCursor("Azerbaijan", "AZ"), "text", "before", "text")).toEqual(["Azerbaijan", "AZ"]);
    expect(decodeCursor(encodeCursor("-12", 1), "integer", "after")).toEqual(["-12", 1]);
  });

  it("are opaque base64url", () => {
    expect(encodeCursor("1", 1)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ["not base64 JSON", "%%%", "numeric"],
    ["a number where the sort is a date", encodeCursor("12", 1), "date"],
    ["a date that does not exist", encodeCursor("2024-02-30", 1), "date"],
    ["a numeric value with SQL in it", encodeCursor("1); DROP TABLE x; --", 1), "numeric"],
    ["an id that is neither an integer nor a short string", Buffer.from(JSON.stringify(["1", 1.5])).toString("base64url"), "numeric"],
    ["a triple", Buffer.from(JSON.stringify(["1", 1, 2])).toString("base64url"), "numeric"],
    ["a text id where ids are integers", encodeCursor("0366-06-24", "AZ"), "date"],
    ["an integer id beyond PostgreSQL's integer", encodeCursor("2024-01-01", 2 ** 31), "date"],
    ["an integer sort value beyond PostgreSQL's integer", encodeCursor("99999999999", 1), "integer"],
  ] as const)("refuse %s with INVALID_CURSOR on the argument", (_what, cursor, type) => {
    expect(codeOf(() => decodeCursor(cursor, type, "after"))).toEqual(["INVALID_CURSOR", "after"]);
  });

  it("refuse an integer id where ids are text", () => {
    expect(codeOf(() => decodeCursor(encodeCursor("Azerbaijan", 7), "text", "after", "text"))).toEqual(["INVALID_CURSOR", "after"]);
  });
});
