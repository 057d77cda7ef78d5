import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer, type BaseContext, type ContextFunction } from "@apollo/server";
import proxyaddr from "proxy-addr";
import { sendText } from "./send";

/** A request on /graphql as its middlewares see it: the client address and, once parsed, the JSON body. */
export interface GraphQLHttpRequest extends IncomingMessage {
  /** The client's address (X-Forwarded-For is believed only from loopback proxies, as `trust proxy: loopback`). */
  ip: string;
  body?: unknown;
}

/** The response, with per-request values the middlewares share (`locals.requestId`). */
export interface GraphQLHttpResponse extends ServerResponse {
  locals: Record<string, unknown>;
}

/** What the context function gets, as from Apollo's Express integration. */
export interface HttpContextArgument {
  req: GraphQLHttpRequest;
  res: GraphQLHttpResponse;
}

/** A Connect-style middleware (cors, body-parser, express-rate-limit and ours work on plain node:http objects). */
export type Middleware = (req: GraphQLHttpRequest, res: GraphQLHttpResponse, next: (error?: unknown) => void) => unknown;

/** Express mounts /graphql case-insensitively and for every path below it. */
const GRAPHQL_PATH = /^\/graphql(?:\/|\?|$)/i;

export const isGraphQLPath = (url: string | undefined): boolean => GRAPHQL_PATH.test(url ?? "/");

const trustLoopback = proxyaddr.compile("loopback");

export interface GraphQLHandlerOptions<TContext extends BaseContext> {
  /** Run in order before Apollo; each calls next() to go on, or answers the request itself. */
  middlewares: Middleware[];
  context: ContextFunction<[HttpContextArgument], TContext>;
  /** An error a middleware passed to next() or Apollo threw, before the response was started. */
  onError(error: unknown, req: GraphQLHttpRequest, res: GraphQLHttpResponse): void;
  /** Extra properties the middlewares read from the request (express-rate-limit reads `req.app`'s settings). */
  requestProperties?: Record<string, unknown>;
}

/**
 * /graphql on node:http: the middlewares, then Apollo's executeHTTPGraphQLRequest, with the response written as
 * Express wrote it. No router, no Express request and response prototypes: per request, this is a loop over
 * the middlewares and one call into Apollo.
 */
export function graphqlHandler<TContext extends BaseContext>(apollo: ApolloServer<TContext>, options: GraphQLHandlerOptions<TContext>) {
  apollo.assertStarted("graphqlHandler()");
  const { middlewares, context, onError, requestProperties = {} } = options;

  async function execute(req: GraphQLHttpRequest, res: GraphQLHttpResponse): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method!.toUpperCase(), headers, search: query < 0 ? "" : url.slice(query), body: req.body },
      context: () => context({ req, res }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status || 200;
    if (response.body.kind === "complete") return sendText(req, res, response.body.string);
    for await (const chunk of response.body.asyncIterator) {
      res.write(chunk);
      (res as ServerResponse & { flush?: () => void }).flush?.();
    }
    res.end();
  }

  return (request: IncomingMessage, response: ServerResponse): void => {
    const req = Object.assign(request, requestProperties) as unknown as GraphQLHttpRequest;
    req.ip = proxyaddr(req, trustLoopback);
    const res = response as GraphQLHttpResponse;
    res.locals = {};
    const fail = (error: unknown) => {
      // As Express's final handler: once the response has started, all that is left is to drop the connection.
      if (res.headersSent) req.socket.destroy();
      else onError(error, req, res);
    };
    let index = 0;
    const next = (error?: unknown): void => {
      if (error) return fail(error);
      const middleware = middlewares[index++];
      try {
        const result = middleware ? middleware(req, res, next) : execute(req, res);
        if (result instanceof Promise) result.catch(fail);
      } catch (thrown) {
        fail(thrown);
      }
    };
    next();
  };
}
