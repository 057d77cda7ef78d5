import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { Context } from "../server/context";
import { ErrorCode, userInputError } from "../server/errors";
import { fromGlobalId, type NodeTypeName } from "./global-id";
import { Node } from "./node.type";

type NodeFetcher = (key: string, context: Context) => Promise<Node | null>;

const fetchers = new Map<NodeTypeName, NodeFetcher>();

/** Each feature registers how to load its node type by key (through its DataLoader). */
export function registerNodeType(type: NodeTypeName, fetch: NodeFetcher): void {
  fetchers.set(type, fetch);
}

/**
 * The object a global ID names when it is an ID of `type`; null otherwise (not an ID, another type's, or gone).
 * For callers that must not fail on a bad ID, such as federation's entity references.
 */
export function loadNodeOfType(type: NodeTypeName, id: unknown, context: Context): Promise<Node | null> {
  let decoded: { type: NodeTypeName; key: string };
  try {
    decoded = fromGlobalId(typeof id === "string" ? id : "");
  } catch {
    return Promise.resolve(null);
  }
  const fetch = decoded.type === type ? fetchers.get(type) : undefined;
  return fetch ? fetch(decoded.key, context) : Promise.resolve(null);
}

const MAX_NODES = 100;

function fetchNode(id: string, context: Context, field: string): Promise<Node | null> {
  const { type, key } = fromGlobalId(id, field);
  const fetch = fetchers.get(type);
  return fetch ? fetch(key, context) : Promise.resolve(null);
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any object by its global ID; null when it no longer exists." })
  node(@Arg("id", () => ID, { description: "A global ID from any object's `id`. INVALID_ID when it is not one." }) id: string, @Ctx() context: Context): Promise<Node | null> {
    return fetchNode(id, context, "id");
  }

  @Query(() => [Node], { nullable: "items", description: `Objects by global IDs, in the same order (at most ${MAX_NODES}).` })
  nodes(@Arg("ids", () => [ID], { description: `Global IDs, at most ${MAX_NODES}. INVALID_ID for one that is not an ID.` }) ids: string[], @Ctx() context: Context): Promise<Array<Node | null>> {
    if (ids.length > MAX_NODES) {
      throw userInputError(ErrorCode.INVALID_PAGINATION, `At most ${MAX_NODES} IDs per request, got ${ids.length}.`, "ids");
    }
    return Promise.all(ids.map((id, index) => fetchNode(id, context, `ids.${index}`)));
  }
}
