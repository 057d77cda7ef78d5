import { Prisma, type Database } from "@tradegraph/db";
import { Field, ID, ObjectType, type MiddlewareFn } from "type-graphql";
import type { Context } from "../server/context";
import type { NodeTypeName } from "./global-id";
import { UserError, UserErrorCode, UserErrors, type FieldPath } from "./user-error";

/**
 * For mutation resolver classes (`@UseMiddleware(FreshLoaders)`): forgets the rows the request's loaders cached
 * before the mutation, so that its payload, and later fields of the same request, show what was written.
 */
export const FreshLoaders: MiddlewareFn<Context> = ({ context }, next) => {
  for (const loader of Object.values(context.loaders)) loader.clearAll();
  return next();
};

/** A Prisma client bound to the mutation's transaction. */
export type Tx = Prisma.TransactionClient;

@ObjectType()
export abstract class MutationPayload {
  @Field(() => [UserError], { description: "Every problem with the input; empty when the mutation succeeded." })
  userErrors!: UserError[];
}

@ObjectType()
export abstract class DeletePayload extends MutationPayload {
  @Field(() => ID, { nullable: true, description: "Global ID of the deleted object; null when nothing was deleted." })
  deletedId!: string | null;
}

/** What a constraint violation means for one mutation, by Prisma error code. */
export type ConstraintErrors = Partial<Record<"P2002" | "P2003" | "P2025", UserError>>;

export interface MutationResult<T> {
  value: T | null;
  userErrors: UserError[];
}

const ROLLBACK = Symbol("rollback");

/** PostgreSQL's codes for the violations of raw statements (Prisma reports those as P2010). */
const RAW_VIOLATIONS: Record<string, keyof ConstraintErrors> = { "23505": "P2002", "23503": "P2003" };

/** The Prisma code of a violation, also for raw statements such as the shared export-record writer's. */
function constraintCode(error: Prisma.PrismaClientKnownRequestError): keyof ConstraintErrors {
  if (error.code !== "P2010") return error.code as keyof ConstraintErrors;
  const cause = (error.meta?.driverAdapterError as { cause?: { originalCode?: string } } | undefined)?.cause;
  return RAW_VIOLATIONS[cause?.originalCode ?? ""] ?? (error.code as keyof ConstraintErrors);
}

/**
 * Runs `work` in one transaction. If it records user errors the transaction is rolled back, so a refused input
 * writes nothing; a unique, foreign-key or missing-row violation becomes the user error given for its code
 * (the race-proof backstop to the checks `work` makes first).
 */
/** Waits for a free connection up to 10 s (Prisma's default is 2 s): a busy small pool is not a failure. */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

export async function mutate<T>(db: Database, work: (tx: Tx, errors: UserErrors) => Promise<T | null>, constraints: ConstraintErrors = {}): Promise<MutationResult<T>> {
  const errors = new UserErrors();
  try {
    const value = await db.prisma.$transaction(async (tx) => {
      const result = await work(tx, errors);
      if (errors.any) throw ROLLBACK;
      return result;
    }, TRANSACTION_OPTIONS);
    return { value, userErrors: [] };
  } catch (error) {
    if (error === ROLLBACK) return { value: null, userErrors: errors.list };
    const known = error instanceof Prisma.PrismaClientKnownRequestError ? constraints[constraintCode(error)] : undefined;
    if (known) return { value: null, userErrors: [known] };
    throw error;
  }
}

/** The row a global ID names, or null after recording INVALID_ID or NOT_FOUND against `field`. */
export async function findById<T>(
  errors: UserErrors,
  field: FieldPath,
  type: NodeTypeName,
  id: string,
  find: (key: number) => Promise<T | null>,
): Promise<T | null> {
  const key = errors.id(field, type, id);
  if (key === undefined) return null;
  const row = await find(key);
  if (!row) errors.add(field, UserErrorCode.NOT_FOUND, `No ${type} has the ID "${id}".`);
  return row;
}
