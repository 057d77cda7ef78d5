import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** API keys look like `tg_<prefix>_<secret>`: the prefix finds the row, the secret is checked by hash. */
const KEY_FORMAT = /^tg_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

export interface GeneratedKey {
  key: string;
  prefix: string;
  secretHash: string;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function generateApiKey(): GeneratedKey {
  const prefix = randomBytes(6).toString("hex").slice(0, 8);
  const secret = randomBytes(32).toString("base64url");
  return { key: `tg_${prefix}_${secret}`, prefix, secretHash: hashSecret(secret) };
}

export function parseApiKey(key: string): { prefix: string; secret: string } | null {
  const match = KEY_FORMAT.exec(key);
  return match ? { prefix: match[1]!, secret: match[2]! } : null;
}

/** Compares a secret with a stored hash in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), "hex");
  const expected = Buffer.from(storedHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
