import { GraphQLError } from "graphql";
import type { AuthChecker } from "type-graphql";
import type { Context, Role } from "../server/context";
import { ErrorCode } from "../server/errors";
import { hasRole } from "./auth.service";

/** `@Authorized("EDITOR")`: no key → UNAUTHENTICATED, a key without the role → FORBIDDEN. */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  if (!context.caller) {
    throw new GraphQLError("This operation needs an API key: send `Authorization: Bearer <key>`.", {
      extensions: { code: ErrorCode.UNAUTHENTICATED },
    });
  }
  const caller = context.caller;
  if (roles.length > 0 && !roles.some((role) => hasRole(caller, role))) {
    throw new GraphQLError(`This operation needs the ${roles.join(" or ")} role; the key has ${caller.role}.`, {
      extensions: { code: ErrorCode.FORBIDDEN },
    });
  }
  return true;
};
