import { generateApiKey } from "../auth/api-key";
import { actorOf } from "../auth/auth.service";
import type { Role } from "../server/context";
import type { TestServer } from "./harness";

export interface TestKey {
  /** `{ authorization: "Bearer tg_…" }`, for server.gql. */
  headers: Record<string, string>;
  key: string;
  prefix: string;
  /** What created_by / updated_by record for writes made with this key. */
  actor: string;
}

/** Stores a key straight in the database, as the CLI does. */
export async function createKey(server: TestServer, role: Role, options: { name?: string; revoked?: boolean } = {}): Promise<TestKey> {
  const { key, prefix, secretHash } = generateApiKey();
  const name = options.name ?? `${role.toLowerCase()} key`;
  const row = await server.db.prisma.apiKey.create({
    data: { name, prefix, secretHash, role, revokedAt: options.revoked ? new Date() : null },
  });
  return { headers: { authorization: `Bearer ${key}` }, key, prefix, actor: actorOf({ keyId: row.id, name, prefix, role }) };
}
