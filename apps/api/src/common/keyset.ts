import type pg from "pg";
import { ErrorCode, userInputError } from "../server/errors";
import { empty, join, queryRows, raw, sql, type Sql } from "../sql";
import type { Page, PageRequest } from "./connection";

/** The column a list is ordered by; never NULL (wrap nullable columns in COALESCE). Ties break on id. */
export interface SortKey {
  expr: Sql;
  type: "numeric" | "date" | "text" | "integer";
  descending: boolean;
}

export interface KeysetQuery {
  /** Columns to select, e.g. sql`er.id, er.period`. Must include the id. */
  columns: Sql;
  /** FROM and JOIN clauses. */
  from: Sql;
  /** Filter conditions, ANDed. */
  where: Sql[];
  /** Unique id expression, the tiebreaker; selected as `id` too. */
  id: Sql;
  idType?: "integer" | "text";
  sort: SortKey;
  /**
   * Pick the page's ids first, then read its rows by id (a deferred join): where an index holds the filter's and
   * the sort's columns and the id, the ids come from an index-only scan and only the page's rows from the heap.
   * For a `from` of one table whose `id` is its primary key.
   */
  idsFirst?: boolean;
}

/** "2024-02-30" matches the date pattern but is no date: PostgreSQL would refuse the cast. */
function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Within PostgreSQL's `integer`: a larger value would fail the cast in SQL instead of being refused here. */
function isInt4(value: number): boolean {
  return Number.isSafeInteger(value) && value >= -2147483648 && value <= 2147483647;
}

/** What a cursor's sort value may be for each sort type: only what the SQL cast takes. */
const VALID_SORT_VALUE: Record<SortKey["type"], (value: string) => boolean> = {
  numeric: (value) => /^(-?\d{1,30}(\.\d{1,10})?|-?Infinity)$/.test(value),
  date: (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDate(value),
  integer: (value) => /^-?\d{1,10}$/.test(value) && isInt4(Number(value)),
  text: (value) => value.length <= 1000,
};

const VALID_ID: Record<NonNullable<KeysetQuery["idType"]>, (id: unknown) => boolean> = {
  integer: (id) => typeof id === "number" && isInt4(id),
  text: (id) => typeof id === "string" && id.length <= 100,
};

/** A cursor: base64url of the JSON pair [sort value, id]. */
export function encodeCursor(sortValue: string, id: number | string): string {
  return Buffer.from(JSON.stringify([sortValue, id]), "utf8").toString("base64url");
}

/** The pair a cursor carries, checked against the sort and id types; INVALID_CURSOR (on `field`) for anything else. */
export function decodeCursor(
  cursor: string,
  type: SortKey["type"],
  field: string,
  idType: NonNullable<KeysetQuery["idType"]> = "integer",
): [string, number | string] {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      typeof decoded[0] === "string" &&
      VALID_SORT_VALUE[type](decoded[0]) &&
      VALID_ID[idType](decoded[1])
    ) {
      return [decoded[0], decoded[1] as number | string];
    }
  } catch {
    // reported below
  }
  throw userInputError(ErrorCode.INVALID_CURSOR, `"${cursor}" is not a cursor of this list.`, field);
}

/** An item of a page whose cursor is encoded only when a client asks for it (most ask for `nodes` alone). */
class PageItem<Node> {
  constructor(
    readonly node: Node,
    private readonly sortValue: string,
    private readonly id: number | string,
  ) {}

  get cursor(): string {
    return encodeCursor(this.sortValue, this.id);
  }
}

/**
 * One page of a list with keyset ("seek") pagination on (sort key, id): stable cursors whatever is inserted
 * elsewhere, and an index-friendly query. Statements: one for the page, one more when a cursor is given
 * (to tell whether items exist on its other side), and the COUNT only if totalCount is asked for.
 */
export async function fetchPage<Row extends { id: number | string }, Node>(
  pool: pg.Pool,
  query: KeysetQuery,
  request: PageRequest,
  toNode: (row: Row) => Node,
): Promise<Page<Node>> {
  const { sort } = query;
  const cursor = request.cursor
    ? decodeCursor(request.cursor, sort.type, request.backward ? "before" : "after", query.idType)
    : null;
  // Walking backward reverses the order; results are flipped back before returning.
  const descending = sort.descending !== request.backward;
  const direction = raw(descending ? "DESC" : "ASC");
  const key = sql`(${sort.expr}, ${query.id})`;
  const idType = raw(query.idType ?? "integer");
  const cursorValue = cursor ? sql`(CAST(${cursor[0]} AS ${raw(sort.type)}), CAST(${String(cursor[1])} AS ${idType}))` : empty;
  const beyond = cursor ? sql`${key} ${raw(descending ? "<" : ">")} ${cursorValue}` : null;
  const notBeyond = cursor ? sql`${key} ${raw(descending ? ">=" : "<=")} ${cursorValue}` : null;
  const where = (extra: Sql | null) => {
    const conditions = extra ? [...query.where, extra] : query.where;
    return conditions.length ? sql`WHERE ${join(conditions, " AND ")}` : empty;
  };

  const order = sql`ORDER BY ${sort.expr} ${direction}, ${query.id} ${direction}`;
  const page = sql`${where(beyond)} ${order} LIMIT ${request.size + 1}`;
  const rows = await queryRows<Row & { _sort_key: string }>(
    pool,
    query.idsFirst
      ? sql`SELECT ${query.columns}, (${sort.expr})::text AS _sort_key
            ${query.from} WHERE ${query.id} IN (SELECT ${query.id} ${query.from} ${page}) ${order}`
      : sql`SELECT ${query.columns}, (${sort.expr})::text AS _sort_key ${query.from} ${page}`,
  );
  const more = rows.length > request.size;
  const pageRows = more ? rows.slice(0, request.size) : rows;
  if (request.backward) pageRows.reverse();

  let otherSide = false;
  if (notBeyond) {
    const [exists] = await queryRows<{ exists: boolean }>(
      pool,
      sql`SELECT EXISTS (SELECT 1 ${query.from} ${where(notBeyond)}) AS exists`,
    );
    otherSide = exists?.exists ?? false;
  }

  return {
    items: pageRows.map((row) => new PageItem(toNode(row), row._sort_key, row.id)),
    hasNextPage: request.backward ? otherSide : more,
    hasPreviousPage: request.backward ? more : otherSide,
    count: async () => {
      const [result] = await queryRows<{ count: string }>(pool, sql`SELECT count(*) AS count ${query.from} ${where(null)}`);
      return Number(result?.count ?? 0);
    },
  };
}
