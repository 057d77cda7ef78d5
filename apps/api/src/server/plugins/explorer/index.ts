import type { ApolloServerPlugin, GraphQLServerListener } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import type { Env } from "../../../env";
import { GRAPHIQL_PATH, graphiqlPage } from "./graphiql";

export { graphiqlRoute } from "./graphiql";

/** A link to the offline GraphiQL, laid over Apollo Sandbox's page. */
const GRAPHIQL_LINK = `<a href="${GRAPHIQL_PATH}" id="graphiql-link" style="position:fixed;right:12px;bottom:12px;z-index:10;padding:6px 10px;border-radius:6px;background:#1f2937;color:#fff;font:13px system-ui,sans-serif;text-decoration:none">GraphiQL (works offline)</a>`;

/** Apollo Sandbox's landing page with the GraphiQL link before </body>. */
function sandboxWithGraphiqlLink(): ApolloServerPlugin {
  const sandbox = ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false });
  return {
    async serverWillStart(service) {
      const listener = (await sandbox.serverWillStart!(service)) as GraphQLServerListener;
      return {
        async renderLandingPage() {
          const { html } = await listener.renderLandingPage!();
          const text = typeof html === "string" ? html : await html();
          return { html: text.replace("</body>", `${GRAPHIQL_LINK}</body>`) };
        },
      };
    },
  };
}

/** What GET /graphql shows a browser (GRAPHQL_EXPLORER): Apollo Sandbox, the offline GraphiQL, or nothing. */
export function explorerPlugin(env: Env): ApolloServerPlugin {
  switch (env.explorer) {
    case "sandbox":
      return sandboxWithGraphiqlLink();
    case "graphiql":
      return {
        async serverWillStart() {
          return {
            async renderLandingPage() {
              return { html: graphiqlPage() };
            },
          };
        },
      };
    case "none":
      return ApolloServerPluginLandingPageDisabled();
  }
}
