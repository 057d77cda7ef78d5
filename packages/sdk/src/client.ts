import type { ResultOf, TypedDocumentNode, VariablesOf } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { TradegraphError, type GraphQLErrorEntry } from "./errors.js";
import { operations } from "./operations.js";

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  /** An API key, sent as `Authorization: Bearer <key>` (needed for mutations). */
  apiKey?: string;
  /** A fetch implementation; defaults to the global fetch (Node 18+, browsers). */
  fetch?: typeof fetch;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

type Variables<D> = VariablesOf<D>;
type Result<D> = ResultOf<D>;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- "{} fits V" means every variable is optional
type HasRequired<V> = {} extends V ? false : true;

/** One typed method per operation of src/operations: `client.topPartners({ exporter: "AZ", … })`. */
export type OperationMethods = {
  [K in keyof typeof operations]: HasRequired<Variables<(typeof operations)[K]>> extends true
    ? (variables: Variables<(typeof operations)[K]>, init?: RequestOptions) => Promise<Result<(typeof operations)[K]>>
    : (variables?: Variables<(typeof operations)[K]>, init?: RequestOptions) => Promise<Result<(typeof operations)[K]>>;
};

export interface RequestOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface TradegraphClient extends OperationMethods {
  /** Runs any typed document (for operations of your own, e.g. written with graphql-codegen). */
  request<R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, variables?: V, init?: RequestOptions): Promise<R>;
}

const printed = new WeakMap<object, string>();

function queryText(document: TypedDocumentNode<unknown, never>): string {
  let text = printed.get(document);
  if (!text) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

/** A typed client for the tradegraph API. Works in Node 20+ and browsers (uses fetch only). */
export function createClient(options: ClientOptions): TradegraphClient {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const baseHeaders: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/graphql-response+json, application/json",
    ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
    ...options.headers,
  };

  async function request<R, V>(document: TypedDocumentNode<R, V>, variables?: V, init: RequestOptions = {}): Promise<R> {
    let response: Response;
    try {
      response = await fetchImpl(options.url, {
        method: "POST",
        headers: { ...baseHeaders, ...init.headers },
        body: JSON.stringify({ query: queryText(document as TypedDocumentNode<unknown, never>), variables: variables ?? {} }),
        signal: init.signal,
      });
    } catch (error) {
      throw new TradegraphError(`Could not reach ${options.url}: ${(error as Error).message}`, "NETWORK_ERROR", []);
    }
    let body: { data?: R | null; errors?: GraphQLErrorEntry[] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw new TradegraphError(`${options.url} answered HTTP ${response.status} without a GraphQL response.`, "HTTP_ERROR", [], response.status);
    }
    if (body.errors?.length) {
      const [first] = body.errors;
      throw new TradegraphError(first!.message, first!.extensions?.code ?? "UNKNOWN", body.errors, response.status);
    }
    if (body.data == null) {
      throw new TradegraphError(`HTTP ${response.status} without data.`, "HTTP_ERROR", [], response.status);
    }
    return body.data;
  }

  const methods = Object.fromEntries(
    Object.entries(operations).map(([name, document]) => [
      name,
      (variables?: Record<string, unknown>, init?: RequestOptions) => request(document as TypedDocumentNode<unknown, Record<string, unknown>>, variables, init),
    ]),
  ) as unknown as OperationMethods;

  return { ...methods, request } as TradegraphClient;
}
