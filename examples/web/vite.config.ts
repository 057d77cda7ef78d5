import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * Where the dev server and `vite preview` forward `/graphql`: the API of `npm start` unless
 * TRADEGRAPH_API_PROXY names another. The page itself calls VITE_TRADEGRAPH_API_URL (src/config.ts).
 */
const apiTarget = process.env.TRADEGRAPH_API_PROXY ?? "http://127.0.0.1:4000";
const proxy = { "/graphql": { target: apiTarget, changeOrigin: true } };

export default defineConfig({
  plugins: [react()],
  // React, Apollo Client and recharts in one bundle of about 0.8 MB (240 kB gzipped): fine for an example.
  build: { chunkSizeWarningLimit: 1000 },
  server: { host: "127.0.0.1", port: 5173, proxy },
  preview: { host: "127.0.0.1", port: 4173, proxy },
});
