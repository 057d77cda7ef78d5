import { AsyncLocalStorage } from "node:async_hooks";
import { Prisma } from "@tradegraph/db";
import type pg from "pg";

/** SQL built with Prisma's tagged template: values become $n parameters, never string concatenation. */
export const sql = Prisma.sql;
export const join = Prisma.join;
export const raw = Prisma.raw;
export const empty = Prisma.empty;
export type Sql = Prisma.Sql;

/** At most this many texts get a prepared statement (a text is a query's shape: its values are parameters). */
const MAX_PREPARED_STATEMENTS = 1000;
const statementNames = new Map<string, string>();

/**
 * The prepared statement's name for a text, or undefined past MAX_PREPARED_STATEMENTS (then the text is planned at
 * each run). One name per text in the process, as pg requires.
 */
function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_PREPARED_STATEMENTS) {
    name = `tradegraph_${statementNames.size}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * Runs hand-written SQL (hot read paths and aggregates) on the pool under Prisma, as a named prepared statement:
 * each connection parses it once and, after PostgreSQL's first custom plans, reuses a generic plan instead of
 * planning each run (planning was half of an aggregate's PostgreSQL time; docs/benchmarks.md).
 */
export async function queryRows<T>(pool: pg.Pool, query: Sql): Promise<T[]> {
  const result = await pool.query({ name: statementName(query.text), text: query.text, values: query.values as unknown[] });
  return result.rows as T[];
}

/** Per-request statement counter: every statement sent while serving a request is counted here. */
const statementCounter = new AsyncLocalStorage<{ count: number }>();

export function countStatement(): void {
  const counter = statementCounter.getStore();
  if (counter) counter.count += 1;
}

export function withStatementCounter<T>(counter: { count: number }, run: () => T): T {
  return statementCounter.run(counter, run);
}
