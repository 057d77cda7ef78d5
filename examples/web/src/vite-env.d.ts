/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The GraphQL endpoint the page calls; default `/graphql`. */
  readonly VITE_TRADEGRAPH_API_URL?: string;
}
