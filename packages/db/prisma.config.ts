import path from "node:path";
import { defineConfig } from "prisma/config";
import { createMigrationAdapter } from "./src/prisma-cli-adapter";

const root = path.join(__dirname, "..", "..", "prisma");

// The Prisma CLI runs on its WASM schema engine through a driver adapter (no native engine downloads).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(root, "schema.prisma"),
  migrations: { path: path.join(root, "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: the Prisma CLI needs a PostgreSQL server to talk to.");
    return createMigrationAdapter(url);
  },
});
