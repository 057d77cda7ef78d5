import type * as RenderGraphiql from "@graphql-yoga/render-graphiql";
import type { RequestHandler } from "express";

export const GRAPHIQL_PATH = "/graphiql";

const DEFAULT_QUERY = `# Azerbaijan's crude-oil buyers in January 2024
{
  topPartners(exporter: "AZ", commodity: "2709", period: "2024-01", by: VALUE, limit: 5) {
    partners { rank partner { name } quantityTonnes valueUsd share }
  }
}
`;

let page: string | undefined;

/**
 * GraphiQL as one self-contained page: its scripts, styles and editor workers come inline from the npm package,
 * so it works without internet access. The package (about 9 MB of script) is loaded and rendered on first use.
 */
export function graphiqlPage(): string {
  if (page === undefined) {
    // Loaded here rather than imported: servers that never show GraphiQL don't keep it in memory.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { renderGraphiQL } = require("@graphql-yoga/render-graphiql") as typeof RenderGraphiql;
    page = renderGraphiQL({ title: "tradegraph GraphiQL", endpoint: "/graphql", defaultQuery: DEFAULT_QUERY });
  }
  return page;
}

/** GET /graphiql (mount with app.get). */
export const graphiqlHandler: RequestHandler = (_req, res) => {
  res.type("html").send(graphiqlPage());
};
