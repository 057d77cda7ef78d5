import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { Router } from "express";

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
 * so it works without internet access. Rendered once, on first use (about 9 MB).
 */
export function graphiqlPage(): string {
  page ??= renderGraphiQL({ title: "tradegraph GraphiQL", endpoint: "/graphql", defaultQuery: DEFAULT_QUERY });
  return page;
}

/** GET /graphiql. */
export function graphiqlRoute(): Router {
  const router = Router();
  router.get(GRAPHIQL_PATH, (_req, res) => {
    res.type("html").send(graphiqlPage());
  });
  return router;
}
