import { GraphQLDateTime } from "graphql-scalars";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { toGlobalId } from "../common/global-id";
import { MutationPayload } from "../common/mutation";
import type { Role } from "../server/context";

export const ApiKeyRole = { READER: "READER", EDITOR: "EDITOR", ADMIN: "ADMIN" } as const satisfies Record<Role, Role>;
registerEnumType(ApiKeyRole, {
  name: "ApiKeyRole",
  description: "What a key may do; each role includes the ones before it.",
  valuesConfig: {
    READER: { description: "Queries." },
    EDITOR: { description: "Queries and the mutations that change facts and sources." },
    ADMIN: { description: "Everything, including managing API keys." },
  },
});

/** An api_key row without its secret hash, which never leaves the database layer. */
export interface ApiKeyRow {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  createdAt: Date;
  createdBy: string | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

@ObjectType({ description: "An API key's metadata. The key itself is shown once, by createApiKey; only a hash of it is stored." })
export class ApiKey {
  @Field(() => ID, { description: "Opaque global ID, for revokeApiKey." })
  id!: string;

  @Field(() => String, { description: "What the key is for, e.g. nightly-importer." })
  name!: string;

  @Field(() => String, { description: "The key's public part (tg_<prefix>_…), safe to log and show." })
  prefix!: string;

  @Field(() => ApiKeyRole, { description: "What the key may do." })
  role!: Role;

  @Field(() => GraphQLDateTime, { description: "When the key was created (ISO 8601, UTC)." })
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: "Who created it: an API key or the command line." })
  createdBy!: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: "When it was revoked; a revoked key authenticates nothing." })
  revokedAt!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: "Last request made with the key, to the minute." })
  lastUsedAt!: Date | null;

  static from(row: ApiKeyRow): ApiKey {
    return Object.assign(new ApiKey(), {
      id: toGlobalId("ApiKey", row.id),
      name: row.name,
      prefix: row.prefix,
      role: row.role,
      createdAt: row.createdAt,
      createdBy: row.createdBy,
      revokedAt: row.revokedAt,
      lastUsedAt: row.lastUsedAt,
    });
  }
}

@ObjectType({ description: "The API key the request was made with." })
export class Viewer {
  @Field(() => String, { description: "The key's name, e.g. nightly-importer." })
  name!: string;

  @Field(() => String, { description: "The key's public part (tg_<prefix>_…)." })
  prefix!: string;

  @Field(() => ApiKeyRole, { description: "What the key may do." })
  role!: Role;
}

@ObjectType({ description: "The result of createApiKey: the key (shown once) and its metadata, or userErrors." })
export class CreateApiKeyPayload extends MutationPayload {
  @Field(() => String, { nullable: true, description: "The key, to send as `Authorization: Bearer <key>`. Shown only here: store it now." })
  key!: string | null;

  @Field(() => ApiKey, { nullable: true, description: "The new key's metadata; null when userErrors is not empty." })
  apiKey!: ApiKey | null;
}

@ObjectType({ description: "The result of revokeApiKey: the revoked key, or userErrors (INVALID_ID, NOT_FOUND)." })
export class RevokeApiKeyPayload extends MutationPayload {
  @Field(() => ApiKey, { nullable: true, description: "The revoked key; revoking it again changes nothing." })
  apiKey!: ApiKey | null;
}
