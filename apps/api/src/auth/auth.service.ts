import type { Database } from "@tradegraph/db";
import type { Caller, Role } from "../server/context";
import { ErrorCode, userInputError } from "../server/errors";
import { parseApiKey, secretMatches } from "./api-key";

const ROLE_LEVEL: Record<Role, number> = { READER: 1, EDITOR: 2, ADMIN: 3 };

/** api_key.last_used_at is written at most this often per key, so that requests don't each cost a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function hasRole(caller: Caller, required: Role): boolean {
  return ROLE_LEVEL[caller.role] >= ROLE_LEVEL[required];
}

/**
 * The caller behind an `Authorization: Bearer tg_…` header; null without the header. A malformed,
 * unknown or revoked key is UNAUTHENTICATED — never silently treated as anonymous.
 */
export async function authenticate(db: Database, authorization: string | undefined): Promise<Caller | null> {
  if (authorization == null || authorization.trim() === "") return null;
  const [scheme, token, ...rest] = authorization.trim().split(/\s+/);
  const parsed = scheme?.toLowerCase() === "bearer" && token && rest.length === 0 ? parseApiKey(token) : null;
  const row = parsed ? await db.prisma.apiKey.findUnique({ where: { prefix: parsed.prefix } }) : null;
  if (!parsed || !row || row.revokedAt || !secretMatches(parsed.secret, row.secretHash)) {
    throw userInputError(ErrorCode.UNAUTHENTICATED, "The API key is missing, malformed, unknown or revoked. Send `Authorization: Bearer <key>`.");
  }
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.prisma.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now }, select: { id: true } });
  }
  return { keyId: row.id, name: row.name, prefix: row.prefix, role: row.role };
}

/** Who to record in created_by / updated_by. */
export function actorOf(caller: Caller): string {
  return `key:${caller.prefix} (${caller.name})`;
}

/** The actor of an @Authorized operation, whose auth checker has already refused requests without a key. */
export function authorizedActor(context: { caller: Caller | null }): string {
  if (!context.caller) throw new Error("authorizedActor needs an @Authorized operation.");
  return actorOf(context.caller);
}
