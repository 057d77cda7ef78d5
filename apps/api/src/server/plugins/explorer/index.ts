import type { ApolloServerPlugin, GraphQLServerListener } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import type { Env } from "../../../env";
import { GRAPHIQL_PATH, graphiqlPage } from "./graphiql";

export { GRAPHIQL_PATH, graphiqlHandler } from "./graphiql";

const LINK_STYLE =
  "#graphiql-link{position:fixed;right:12px;bottom:12px;z-index:2147483647;padding:6px 10px;border-radius:6px;" +
  "background:#1f2937;color:#fff;font:13px system-ui,sans-serif;text-decoration:none}";

/**
 * A link to the offline GraphiQL laid over Sandbox's page before </body>. The page's Content-Security-Policy
 * allows only styles carrying its nonce, so the link's style reuses it.
 */
export function withGraphiqlLink(html: string): string {
  const nonce = /nonce=["']?([0-9a-f]+)/.exec(html)?.[1];
  const style = nonce ? `<style nonce="${nonce}">${LINK_STYLE}</style>` : "";
  const link = `${style}<a href="${GRAPHIQL_PATH}" id="graphiql-link">GraphiQL (works offline)</a>`;
  const end = html.lastIndexOf("</body>");
  return end < 0 ? html + link : html.slice(0, end) + link + html.slice(end);
}

/** Apollo Sandbox's landing page with the GraphiQL link. */
function sandboxWithGraphiqlLink(): ApolloServerPlugin {
  const sandbox = ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false });
  return {
    async serverWillStart(service) {
      const listener = (await sandbox.serverWillStart!(service)) as GraphQLServerListener;
      return {
        async renderLandingPage() {
          const { html } = await listener.renderLandingPage!();
          return { html: withGraphiqlLink(typeof html === "string" ? html : await html()) };
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
