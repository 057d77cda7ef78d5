import { type ClassType, ArgsType, Field, Int, ObjectType } from "type-graphql";
import { ErrorCode, userInputError } from "../server/errors";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ simpleResolvers: true, description: "Where a page sits in its list (Relay cursor connections)." })
export class PageInfo {
  @Field(() => Boolean, { description: "More items follow the last edge: pass `endCursor` as `after` to get them." })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "More items come before the first edge: pass `startCursor` as `before` (with `last`) to get them." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first edge; null on an empty page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last edge; null on an empty page." })
  endCursor!: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Items after \`after\`, 1 to ${MAX_PAGE_SIZE}. Default ${DEFAULT_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "Start after this cursor (a `cursor` or `endCursor` of the same list). INVALID_CURSOR when it is not one; not with `before`.",
  })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Items before \`before\`, 1 to ${MAX_PAGE_SIZE}.` })
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "End before this cursor (a `cursor` or `startCursor` of the same list), with `last`. INVALID_CURSOR when it is not one.",
  })
  before?: string | null;
}

/** A validated page request: `size` rows forward from `after`, or backward from `before`. */
export interface PageRequest {
  size: number;
  backward: boolean;
  cursor: string | null;
}

export function pageRequest(args: ConnectionArgs): PageRequest {
  const { first, last, after, before } = args;
  if (first != null && last != null) {
    throw userInputError(ErrorCode.INVALID_PAGINATION, "Pass `first` or `last`, not both.", "first");
  }
  for (const [name, value] of [["first", first], ["last", last]] as const) {
    if (value != null && (value < 1 || value > MAX_PAGE_SIZE)) {
      throw userInputError(ErrorCode.INVALID_PAGINATION, `\`${name}\` must be between 1 and ${MAX_PAGE_SIZE}, got ${value}.`, name);
    }
  }
  if (after != null && before != null) {
    throw userInputError(ErrorCode.INVALID_PAGINATION, "Pass `after` or `before`, not both.", "after");
  }
  if (last != null || (before != null && first == null)) {
    return { size: last ?? DEFAULT_PAGE_SIZE, backward: true, cursor: before ?? null };
  }
  if (before != null) {
    throw userInputError(ErrorCode.INVALID_PAGINATION, "`before` goes with `last`; use `after` with `first`.", "before");
  }
  return { size: first ?? DEFAULT_PAGE_SIZE, backward: false, cursor: after ?? null };
}

/** What a service returns for one page; the connection type turns it into edges. */
export interface Page<T> {
  items: Array<{ node: T; cursor: string }>;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Counts every item matching the filter; only run when a client asks for totalCount. */
  count: () => Promise<number>;
}

export interface ConnectionShape<T> {
  edges: Array<{ node: T; cursor: string }>;
  nodes: T[];
  pageInfo: PageInfo;
  totalCount(): Promise<number>;
}

const connections = new Map<string, ClassType>();

/** The `<Name>Connection` and `<Name>Edge` object types for a node type, created once per name. */
export function Connection<T extends object>(name: string, nodeType: ClassType<T>): ClassType<ConnectionShape<T>> {
  const existing = connections.get(name);
  if (existing) return existing as ClassType<ConnectionShape<T>>;

  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One ${name} in a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: "Opaque cursor for `after`/`before`." })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, {
    simpleResolvers: true,
    description: `A page of ${name} items (Relay cursor connection): up to ${MAX_PAGE_SIZE} per page, ${DEFAULT_PAGE_SIZE} by default.`,
  })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge], { description: "The page's items with their cursors, in list order." })
    edges!: Edge[];

    @Field(() => [nodeType], { description: "The nodes of `edges`, for clients that need no cursors." })
    nodes!: T[];

    @Field(() => PageInfo, { description: "Whether more pages exist, and the cursors to fetch them." })
    pageInfo!: PageInfo;

    private counter!: () => Promise<number>;

    @Field(() => Int, { description: "Items matching the filter across all pages (one extra COUNT query)." })
    totalCount(): Promise<number> {
      return this.counter();
    }

    static from(page: Page<T>): ConnectionType {
      const connection = new ConnectionType();
      connection.edges = page.items;
      connection.nodes = page.items.map((item) => item.node);
      connection.pageInfo = {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: page.items[0]?.cursor ?? null,
        endCursor: page.items[page.items.length - 1]?.cursor ?? null,
      };
      connection.counter = page.count;
      return connection;
    }
  }

  connections.set(name, ConnectionType);
  return ConnectionType;
}

/** Builds a connection object from a page, for resolvers whose return type is Connection(name, …). */
export function toConnection<T extends object>(name: string, nodeType: ClassType<T>, page: Page<T>): ConnectionShape<T> {
  const type = Connection(name, nodeType) as unknown as { from(page: Page<T>): ConnectionShape<T> };
  return type.from(page);
}
