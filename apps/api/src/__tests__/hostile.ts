/**
 * Shared by the hostile-input, fuzz and fault tests: every place a query takes text, found in the live schema
 * (so new queries and filters are covered without editing the tests), row counts of every table, and the
 * invariants a response to bad input must keep.
 */
import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import type { Database } from "@tradegraph/db";
import type { GraphQLResponse } from "./harness";

/** A query with one text variable `$v` in one argument or input field. */
export interface TextSlot {
  /** e.g. `exportRecords(filter.exporter)` */
  name: string;
  query: string;
}

const TEXT_SCALARS = new Set(["String", "ID", "Date", "DateTime"]);

/** Valid values for required arguments the slot does not vary, by argument name. */
const DEFAULTS: Record<string, string> = {
  code: '"AZ"',
  exporter: '"AZ"',
  importer: '"IL"',
  a: '"AZ"',
  b: '"IL"',
  commodity: '"2709"',
  period: '"2024-01"',
  from: '"2024-01"',
  to: '"2024-12"',
  text: '"oil"',
  id: '"Q291bnRyeTpBWg"',
  ids: '["Q291bnRyeTpBWg"]',
};

function selectionOf(field: GraphQLField<unknown, unknown>): string {
  return isLeafType(getNamedType(field.type)) ? "" : " { __typename }";
}

/** `$v` in the position of `type`, wrapped in a list literal where the type is a list. */
function valueIn(type: GraphQLInputType): string {
  const inner = getNullableType(type);
  return isListType(inner) ? `[${valueIn(inner.ofType)}]` : "$v";
}

/** Paths to text leaves inside an argument: [] for the argument itself, ["filter", "period", "from"] etc. */
function textPaths(type: GraphQLInputType, depth = 0): Array<{ path: string[]; scalar: string; type: GraphQLInputType }> {
  const named = getNamedType(type);
  if (isScalarType(named)) return TEXT_SCALARS.has(named.name) ? [{ path: [], scalar: named.name, type }] : [];
  if (!isInputObjectType(named) || depth > 2) return [];
  return Object.values(named.getFields()).flatMap((f) =>
    textPaths(f.type, depth + 1).map((leaf) => ({ ...leaf, path: [f.name, ...leaf.path] })),
  );
}

function literal(path: string[], value: string): string {
  return path.reduceRight((inner, key) => `{ ${key}: ${inner} }`, value);
}

function requiredArgs(field: GraphQLField<unknown, unknown>, except: GraphQLArgument): string[] | null {
  const out: string[] = [];
  for (const arg of field.args) {
    if (arg === except || !isNonNullType(arg.type) || arg.defaultValue !== undefined) continue;
    const value = DEFAULTS[arg.name];
    if (!value) return null;
    out.push(`${arg.name}: ${value}`);
  }
  return out;
}

/** Every text argument and text input field of the root query fields, each as a query with `$v` in it. */
export function textSlots(schema: GraphQLSchema): TextSlot[] {
  const slots: TextSlot[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    for (const arg of field.args) {
      for (const leaf of textPaths(arg.type)) {
        const others = requiredArgs(field, arg);
        if (!others) continue;
        // A required input object needs its other required fields: leave those out of the corpus.
        const named = getNamedType(arg.type);
        if (isInputObjectType(named) && Object.values(named.getFields()).some((f) => isNonNullType(f.type) && f.defaultValue === undefined && f.name !== leaf.path[0])) continue;
        const value = literal(leaf.path, valueIn(leaf.type));
        const args = [`${arg.name}: ${value}`, ...others].join(", ");
        slots.push({
          name: `${field.name}(${[arg.name, ...leaf.path].join(".")})`,
          query: `query Slot($v: ${leaf.scalar}!) { ${field.name}(${args})${selectionOf(field)} }`,
        });
      }
    }
  }
  return slots;
}

/** Exact row counts of every table (but the migrations table). */
export async function rowCounts(db: Database): Promise<Record<string, number>> {
  const { rows } = await db.pool.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name",
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of rows) {
    const result = await db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${table_name}"`);
    counts[table_name] = Number(result.rows[0]!.n);
  }
  return counts;
}

/** Codes that mean "the server failed", never right for bad input. */
const SERVER_FAULTS = new Set(["INTERNAL_SERVER_ERROR", "SERVICE_UNAVAILABLE", "TIMEOUT"]);

/**
 * What any answer to bad input must be: no 5xx, a JSON body, and every error with a specific code that is not a
 * server fault. Returns the error codes (empty when the request succeeded).
 */
export function expectHandled(response: Pick<GraphQLResponse, "status" | "body">, context: string): string[] {
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`HTTP ${response.status}`);
  const errors = response.body?.errors ?? [];
  if (!response.body || (errors.length === 0 && response.body.data === undefined)) problems.push("no GraphQL response");
  const codes = errors.map((e) => e.extensions?.code);
  for (const [i, code] of codes.entries()) {
    if (typeof code !== "string" || SERVER_FAULTS.has(code)) problems.push(`error ${i}: ${String(code)} — ${errors[i]!.message.slice(0, 200)}`);
  }
  if (problems.length > 0) throw new Error(`${context}:\n  ${problems.join("\n  ")}`);
  return codes as string[];
}

/** A raw POST to the endpoint; the body as sent, the answer parsed when it is JSON. */
export async function post(url: string, body: string, headers: Record<string, string> = {}, method = "POST"): Promise<Pick<GraphQLResponse, "status" | "body" | "headers">> {
  const response = await fetch(url, { method, headers: { "content-type": "application/json", ...headers }, body: method === "GET" ? undefined : body });
  const text = await response.text();
  let parsed: GraphQLResponse["body"];
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
  }
  return { status: response.status, headers: response.headers, body: parsed };
}
