/**
 * The GraphQL endpoint, the one place the app names it. Default `/graphql`: same origin, forwarded to the API by
 * Vite's dev server and preview (vite.config.ts). Set VITE_TRADEGRAPH_API_URL at build time to call another origin.
 */
export const API_URL: string = import.meta.env.VITE_TRADEGRAPH_API_URL || "/graphql";

/** The article's question: Azerbaijan's buyers of crude oil (HS 2709) in January 2024. */
export const TOP_BUYERS = { exporter: "AZ", commodity: "2709", period: "2024-01" } as const;

/** The pair whose timeline the app shows. */
export const PAIR = { a: "AZ", b: "IL" } as const;
