import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { Context, Role } from "../server/context";
import { authorizedActor } from "./auth.service";
import { ApiKey, ApiKeyRole, CreateApiKeyPayload, RevokeApiKeyPayload, Viewer } from "./api-key.type";
import { createApiKey, listApiKeys, revokeApiKey } from "./api-key.service";

@Resolver()
export class ApiKeyResolver {
  @Query(() => Viewer, { nullable: true, description: "The API key this request was made with; null without one." })
  viewer(@Ctx() { caller }: Context): Viewer | null {
    return caller && { name: caller.name, prefix: caller.prefix, role: caller.role };
  }

  @Authorized("ADMIN")
  @Query(() => [ApiKey], { description: "API keys, oldest first, without their secrets. Needs an ADMIN key." })
  apiKeys(
    @Arg("includeRevoked", () => Boolean, { defaultValue: false, description: "Also list revoked keys." }) includeRevoked: boolean,
    @Ctx() { db }: Context,
  ): Promise<ApiKey[]> {
    return listApiKeys(db, includeRevoked);
  }

  @Authorized("ADMIN")
  @Mutation(() => CreateApiKeyPayload, { description: "Creates an API key and returns it once. Needs an ADMIN key." })
  createApiKey(
    @Arg("name", () => String, { description: "What the key is for, at most 100 characters." }) name: string,
    @Arg("role", () => ApiKeyRole, { description: "What the key may do: READER, EDITOR or ADMIN." }) role: Role,
    @Ctx() context: Context,
  ): Promise<CreateApiKeyPayload> {
    return createApiKey(context.db, authorizedActor(context), name, role);
  }

  @Authorized("ADMIN")
  @Mutation(() => RevokeApiKeyPayload, { description: "Revokes an API key for good: requests with it fail with UNAUTHENTICATED. Needs an ADMIN key." })
  revokeApiKey(@Arg("id", () => ID, { description: "Global ID of the key (ApiKey.id)." }) id: string, @Ctx() { db }: Context): Promise<RevokeApiKeyPayload> {
    return revokeApiKey(db, id);
  }
}
