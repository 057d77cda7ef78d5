import type { Database } from "@tradegraph/db";
import { findById, mutate, type Tx } from "../common/mutation";
import { userError, UserErrorCode } from "../common/user-error";
import type { Role } from "../server/context";
import { generateApiKey } from "./api-key";
import { ApiKey, type ApiKeyRow, type CreateApiKeyPayload, type RevokeApiKeyPayload } from "./api-key.type";

const MAX_NAME_LENGTH = 100;

/** Leaves the secret hash out of every row read here. */
const WITHOUT_SECRET = { secretHash: true } as const;

/** Creates a key; the payload carries the key itself, the only time it is ever available. */
export async function createApiKey(db: Database, createdBy: string, name: string, role: Role): Promise<CreateApiKeyPayload> {
  const { value, userErrors } = await mutate(
    db,
    async (tx, errors) => {
      const keyName = errors.text(["name"], name, MAX_NAME_LENGTH);
      if (keyName === undefined) return null;
      const { key, prefix, secretHash } = generateApiKey();
      const row = await tx.apiKey.create({ data: { name: keyName, role, prefix, secretHash, createdBy }, omit: WITHOUT_SECRET });
      return { key, row };
    },
    { P2002: userError(null, UserErrorCode.DUPLICATE, "The new key's prefix collided with an existing key's; try again.") },
  );
  return { key: value?.key ?? null, apiKey: value && ApiKey.from(value.row), userErrors };
}

export async function listApiKeys(db: Database, includeRevoked: boolean): Promise<ApiKey[]> {
  const rows = await db.prisma.apiKey.findMany({
    where: includeRevoked ? {} : { revokedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    omit: WITHOUT_SECRET,
  });
  return rows.map((row) => ApiKey.from(row));
}

/** Revokes a key once; an already revoked key keeps its revokedAt. */
function revoke(tx: Tx, row: ApiKeyRow): Promise<ApiKeyRow> {
  return row.revokedAt ? Promise.resolve(row) : tx.apiKey.update({ where: { id: row.id }, data: { revokedAt: new Date() }, omit: WITHOUT_SECRET });
}

export async function revokeApiKey(db: Database, id: string): Promise<RevokeApiKeyPayload> {
  const { value, userErrors } = await mutate(db, async (tx, errors) => {
    const row = await findById(errors, ["id"], "ApiKey", id, (key) => tx.apiKey.findUnique({ where: { id: key }, omit: WITHOUT_SECRET }));
    return row && revoke(tx, row);
  });
  return { apiKey: value && ApiKey.from(value), userErrors };
}

/** For the command line, which names keys by prefix. Null when no key has it. */
export async function revokeApiKeyByPrefix(db: Database, prefix: string): Promise<ApiKey | null> {
  const row = await db.prisma.$transaction(async (tx) => {
    const found = await tx.apiKey.findUnique({ where: { prefix }, omit: WITHOUT_SECRET });
    return found && revoke(tx, found);
  });
  return row && ApiKey.from(row);
}
