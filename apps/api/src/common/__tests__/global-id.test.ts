import { GraphQLError } from "graphql";
import { fromGlobalId, numericIdOf, toGlobalId } from "../global-id";

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof GraphQLError ? [error.extensions.code, error.extensions.field] : error;
  }
  return "no error";
};

describe("global ids", () => {
  it("encode the type and key as base64url and decode them back", () => {
    const id = toGlobalId("Country", "AZ");
    expect(id).toBe(Buffer.from("Country:AZ").toString("base64url"));
    expect(fromGlobalId(id)).toEqual({ type: "Country", key: "AZ" });
    expect(fromGlobalId(toGlobalId("Source", "a:b"))).toEqual({ type: "Source", key: "a:b" });
  });

  it("give numeric keys of the named type", () => {
    expect(numericIdOf("ExportRecord", toGlobalId("ExportRecord", 17))).toBe(17);
  });

  it.each([
    ["an unknown type", Buffer.from("Planet:AZ").toString("base64url")],
    ["no separator", Buffer.from("CountryAZ").toString("base64url")],
    ["an empty key", Buffer.from("Country:").toString("base64url")],
    ["characters outside base64url", "Q291bnRyeTpBWg=="],
    ["an empty string", ""],
  ])("refuse %s with INVALID_ID", (_what, id) => {
    expect(codeOf(() => fromGlobalId(id, "ids"))).toEqual(["INVALID_ID", "ids"]);
  });

  it("refuse a numeric id of another type or with a non-numeric key", () => {
    expect(codeOf(() => numericIdOf("Meeting", toGlobalId("Report", 3), "meeting"))).toEqual(["INVALID_ID", "meeting"]);
    expect(codeOf(() => numericIdOf("Meeting", toGlobalId("Meeting", "x")))).toEqual(["INVALID_ID", "id"]);
    expect(codeOf(() => numericIdOf("Meeting", toGlobalId("Meeting", 0)))).toEqual(["INVALID_ID", "id"]);
  });
});
