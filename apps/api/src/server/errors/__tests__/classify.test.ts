import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { classifyError, classifyHttpError, isDatabaseDown, isPoolBusy, isUnstorableText } from "..";

const formatted = (message: string, code?: string): GraphQLFormattedError => ({ message, path: ["q"], extensions: code ? { code } : {} });
const codeOf = (f: GraphQLFormattedError, original: unknown = new Error(f.message)) => classifyError(f, original)?.extensions?.code ?? null;

describe("classifyError", () => {
  it.each([
    ["Syntax Error: Query depth limit of 10 exceeded, found 11.", "GRAPHQL_VALIDATION_FAILED", "MAX_DEPTH_EXCEEDED"],
    ["Syntax Error: Aliases limit of 15 exceeded, found 16.", "GRAPHQL_VALIDATION_FAILED", "MAX_ALIASES_EXCEEDED"],
    ["Syntax Error: Directives limit of 50 exceeded, found 51.", "GRAPHQL_VALIDATION_FAILED", "MAX_DIRECTIVES_EXCEEDED"],
    ["Syntax Error: Document contains more than 1000 tokens. Parsing aborted.", "GRAPHQL_PARSE_FAILED", "MAX_TOKENS_EXCEEDED"],
  ])("gives graphql-armor's and the parser's limits their own code: %s", (message, code, expected) => {
    expect(codeOf(formatted(message, code))).toBe(expected);
  });

  it("does not take a limit message in another kind of error for a limit", () => {
    expect(codeOf(formatted("depth limit", "SERVICE_UNAVAILABLE"))).toBe("SERVICE_UNAVAILABLE");
  });

  it("answers a persisted query whose hash does not match with BAD_REQUEST", () => {
    expect(codeOf(formatted("provided sha does not match query", "INTERNAL_SERVER_ERROR"))).toBe("BAD_REQUEST");
  });

  it("passes public codes through unchanged", () => {
    const error = formatted("No country AQ.", "UNKNOWN_COUNTRY");
    expect(classifyError(error, new Error())).toBe(error);
  });

  it("recognises a statement timeout, an outage, a busy pool and unstorable text from the thrown error", () => {
    const f = formatted("x", "INTERNAL_SERVER_ERROR");
    expect(codeOf(f, new Error("canceling statement due to statement timeout"))).toBe("TIMEOUT");
    expect(codeOf(f, Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe("SERVICE_UNAVAILABLE");
    expect(codeOf(f, new Error("Transaction API error: Unable to start a transaction in the given time."))).toBe("SERVICE_UNAVAILABLE");
    expect(codeOf(f, new Error('invalid byte sequence for encoding "UTF8": 0x00'))).toBe("BAD_USER_INPUT");
  });

  it("leaves anything else to the caller (unexpected: logged and masked)", () => {
    expect(classifyError(formatted("Cannot read properties of undefined", "INTERNAL_SERVER_ERROR"), new TypeError("x"))).toBeNull();
    expect(classifyError(formatted("boom"), new Error("boom"))).toBeNull();
  });

  it("keeps the path of the field that failed", () => {
    expect(classifyError(formatted("x", "INTERNAL_SERVER_ERROR"), new Error("terminating connection due to administrator command"))?.path).toEqual(["q"]);
  });
});

describe("database error predicates", () => {
  it("read codes through the error's causes, as Prisma's driver-adapter errors nest pg's", () => {
    const prisma = new Error("Invalid invocation", { cause: { kind: "postgres", originalCode: "57P01", message: "terminating" } });
    expect(isDatabaseDown(prisma)).toBe(true);
    expect(isDatabaseDown(new Error("P1001: Can't reach database server at 127.0.0.1:1"))).toBe(true);
    expect(isDatabaseDown(new Error("duplicate key value violates unique constraint"))).toBe(false);
    expect(isDatabaseDown(null)).toBe(false);
  });

  it("tell a busy pool and unstorable text apart from an outage", () => {
    expect(isPoolBusy(new Error("Unable to start a transaction in the given time"))).toBe(true);
    expect(isPoolBusy(new Error("ECONNREFUSED"))).toBe(false);
    expect(isUnstorableText({ code: "22021" })).toBe(true);
    expect(isUnstorableText({ code: "23505" })).toBe(false);
  });

  it("do not recurse without end through cyclic causes", () => {
    const a: { message: string; cause?: unknown } = { message: "a" };
    a.cause = a;
    expect(isDatabaseDown(a)).toBe(false);
  });

  it("is not fooled by a GraphQLError that merely mentions a code in its path", () => {
    expect(isDatabaseDown(new GraphQLError("No country 08", {}))).toBe(false);
  });
});

describe("classifyHttpError", () => {
  it("maps body-parser errors to 413 and 400 with codes", () => {
    expect(classifyHttpError({ type: "entity.too.large", status: 413 }, "100kb")).toEqual({
      status: 413,
      body: { errors: [{ message: "The request body is larger than 100kb.", extensions: { code: "PAYLOAD_TOO_LARGE" } }] },
    });
    expect(classifyHttpError({ type: "entity.parse.failed", status: 400 }, "100kb").body.errors[0]!.extensions.code).toBe("BAD_REQUEST");
    expect(classifyHttpError(Object.assign(new Error("unsupported charset"), { status: 415 }), "100kb").status).toBe(415);
  });

  it("masks server faults as 500 INTERNAL_SERVER_ERROR", () => {
    expect(classifyHttpError(new Error("secret detail"), "100kb")).toEqual({
      status: 500,
      body: { errors: [{ message: "Internal error.", extensions: { code: "INTERNAL_SERVER_ERROR" } }] },
    });
  });
});
