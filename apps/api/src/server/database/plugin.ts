import type { ApolloServerPlugin } from "@apollo/server";
import { createLoaders } from "../../loaders";
import type { Context } from "../context";
import type { DatabaseRouter } from "./router";

/**
 * Mutations run on the primary (with loaders on it, so their payloads read what they wrote), and start the
 * client's read-your-writes window — at the start, so its concurrent reads see the write too, and again at
 * the end, so the window counts from the answer.
 */
export function databaseRoutingPlugin(router: DatabaseRouter): ApolloServerPlugin<Context> {
  const note = (context: Context) => (context.caller ? router.shareWrite(context.client) : router.noteWrite(context.client));
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== "mutation") return;
          await note(contextValue);
          if (contextValue.db !== router.primary) {
            contextValue.db = router.primary;
            contextValue.loaders = createLoaders(router.primary, contextValue.reference);
          }
        },
        async willSendResponse({ operation, contextValue }) {
          if (operation?.operation === "mutation") await note(contextValue);
        },
      };
    },
  };
}
