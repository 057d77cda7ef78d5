import { AsyncLocalStorage } from "node:async_hooks";
import { Prisma } from "@tradegraph/db";
import type pg from "pg";

/** SQL built with Prisma's tagged template: values become $n parameters, never string concatenation. */
export const sql = Prisma.sql;
export const join = Prisma.join;
export const raw = Prisma.raw;
export const empty = Prisma.empty;
export type Sql = Prisma.Sql;

/** Runs hand-written SQL (hot read paths and aggregates) on the pool under Prisma. */
export async function queryRows<T>(pool: pg.Pool, query: Sql): Promise<T[]> {
  const result = await pool.query(query.text, query.values as unknown[]);
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
