import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import type { Env } from "../../../env";

/** What GET /graphql shows a browser: Apollo Sandbox (outside production by default) or nothing. */
export function explorerPlugin(env: Env): ApolloServerPlugin {
  return env.sandbox ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }) : ApolloServerPluginLandingPageDisabled();
}
