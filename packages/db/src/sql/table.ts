import { Prisma } from "../generated/prisma/client";

/** SQL built with Prisma's tagged template: values become $n parameters, never string concatenation. */
export type Sql = Prisma.Sql;

/**
 * How a column's value reaches TypeScript. `day` and `month` are PostgreSQL dates: a day decodes to a UTC
 * Date, a month (stored as its first day) to "YYYY-MM". Both are selected as text, so no time zone shifts them.
 * A `period` is a month or a year by the row's `frequency` column (stored as its first day): "YYYY-MM" for a
 * MONTHLY row, "YYYY" for an ANNUAL one. A `search` column (a generated tsvector) is only used inside SQL:
 * never selected, not part of the row.
 */
export type ColumnKind = "int" | "numeric" | "text" | "bool" | "day" | "month" | "period" | "timestamp" | "textArray" | "search";

interface KindTypes {
  int: number;
  numeric: number;
  text: string;
  bool: boolean;
  day: Date;
  month: string;
  period: string;
  timestamp: Date;
  textArray: string[];
  search: never;
}

export interface Column<K extends ColumnKind = ColumnKind, N extends boolean = boolean> {
  /** The column's name in PostgreSQL. */
  readonly name: string;
  /** Its SQL type, as the migrations declare it (also used to cast array parameters). */
  readonly type: string;
  readonly kind: K;
  readonly nullable: N;
}

export type Columns = Record<string, Column>;

/** The decoded value of a column. */
export type ValueOf<C> = C extends Column<infer K, infer N> ? KindTypes[K] | (N extends true ? null : never) : never;

/** A decoded row: one property per selected column. */
export type RowOf<C extends Columns> = { -readonly [P in keyof C as C[P] extends Column<"search", boolean> ? never : P]: ValueOf<C[P]> };

const column =
  <K extends ColumnKind>(kind: K) =>
  (name: string, type: string): Column<K, false> & { nullable: false; orNull(): Column<K, true> } => ({
    name,
    type,
    kind,
    nullable: false,
    orNull: () => ({ name, type, kind, nullable: true }),
  });

/** Column constructors: `int("id", "integer")`, `numeric("value_usd", "numeric(18,2)").orNull()`. */
export const int = column("int");
export const numeric = column("numeric");
export const text = column("text");
export const bool = column("bool");
export const day = column("day");
export const month = column("month");
export const period = column("period");
export const timestamp = column("timestamp");
export const textArray = column("textArray");
export const search = column("search");

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function checkAlias(alias: string): string {
  if (!IDENTIFIER.test(alias)) throw new Error(`"${alias}" is not a plain lower-case SQL alias.`);
  return alias;
}

/** The select-list expression of a column under an alias, named by its camelCase key. */
function selectExpression(alias: string, key: string, { name, kind }: Column): string {
  const ref = `${alias}.${name}`;
  const value =
    kind === "month"
      ? `to_char(${ref}, 'YYYY-MM')`
      : kind === "period"
        ? `to_char(${ref}, CASE WHEN ${alias}.frequency = 'ANNUAL' THEN 'YYYY' ELSE 'YYYY-MM' END)`
        : kind === "day"
          ? `to_char(${ref}, 'YYYY-MM-DD')`
          : ref;
  return `${value} AS "${key}"`;
}

// Numbers arrive as strings (pg) or Decimals (Prisma raw queries); days as "YYYY-MM-DD".
const decoders: Partial<Record<ColumnKind, (value: unknown) => unknown>> = {
  numeric: (value) => Number(String(value)),
  day: (value) => new Date(`${String(value)}T00:00:00Z`),
};

/**
 * One table: its name, its columns with their SQL types, the select list under an alias of the caller's choosing,
 * and the decoder from a selected row to a plain typed row. The only place a table's columns are listed outside
 * the migrations.
 */
export class Table<C extends Columns> {
  private readonly selects = new Map<string, Sql>();
  private readonly converters: Array<[string, (value: unknown) => unknown]>;

  constructor(
    /** The table's name in PostgreSQL. */
    readonly name: string,
    /** Columns by camelCase key, in the table's order. */
    readonly spec: C,
  ) {
    this.converters = Object.entries(spec).flatMap(([key, { kind }]) => {
      const decode = decoders[kind];
      return decode ? [[key, decode] as [string, (value: unknown) => unknown]] : [];
    });
  }

  /** Every column under `alias`, named by its key, ready for `decode`: `SELECT ${t.columns("er")} FROM ${t.from("er")}`. */
  columns(alias: string): Sql {
    let select = this.selects.get(alias);
    if (!select) {
      const list = Object.entries(this.spec)
        .filter(([, col]) => col.kind !== "search")
        .map(([key, col]) => selectExpression(checkAlias(alias), key, col));
      select = Prisma.raw(list.join(", "));
      this.selects.set(alias, select);
    }
    return select;
  }

  /** One column under `alias`, for conditions and sort keys: `t.column("er", "valueUsd")` is `er.value_usd`. */
  column(alias: string, key: keyof C & string): Sql {
    return Prisma.raw(`${checkAlias(alias)}.${this.spec[key]!.name}`);
  }

  /** The table with its alias, for FROM and JOIN: `export_record er`. */
  from(alias: string): Sql {
    return Prisma.raw(`${this.name} ${checkAlias(alias)}`);
  }

  /** A column's name in PostgreSQL (for statements written as text, e.g. the bulk writer's). */
  nameOf(key: keyof C & string): string {
    return this.spec[key]!.name;
  }

  /** Column names in PostgreSQL, comma-separated, for column lists of statements written as text. */
  names(keys: ReadonlyArray<keyof C & string>): string {
    return keys.map((key) => this.spec[key]!.name).join(", ");
  }

  /**
   * A row selected with `columns(alias)` as a plain typed row: numbers as numbers, months as "YYYY-MM", days as UTC
   * dates. Converts the selected object in place (no copy per row) and returns it.
   */
  decode(selected: Record<string, unknown>): RowOf<C> {
    const row = selected;
    for (const [key, decode] of this.converters) {
      const value = row[key];
      if (value != null) row[key] = decode(value);
    }
    return row as RowOf<C>;
  }
}

export function table<C extends Columns>(name: string, spec: C): Table<C> {
  return new Table(name, spec);
}
