/**
 * The PostGraphile v5 peer over the same tables: Amber preset, connection filter (with relation filters) and
 * aggregates, grafserv on node:http, production settings (no GraphiQL, no explain, no watch). Filtering and
 * ordering are allowed on every column (PgIndexBehaviorsPlugin disabled), as tradegraph allows them on values.
 * Run as a child of the bench: node dist/servers/postgraphile.js '{"databaseUrl", "port", "poolSize"}'.
 */
import "./polyfill";
import { createServer } from "node:http";
import { PgAggregatesPreset } from "@graphile/pg-aggregates";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";
import { childConfig, countStatements, createPool, type ChildConfig } from "./child";

export function postgraphilePreset(config: ChildConfig): GraphileConfig.Preset {
  return {
    extends: [PostGraphileAmberPreset, PgAggregatesPreset, PostGraphileConnectionFilterPreset],
    disablePlugins: ["PgIndexBehaviorsPlugin"],
    pgServices: [makePgService({ pool: createPool(config, "bench-postgraphile"), schemas: ["public"] })],
    schema: { connectionFilterRelations: true },
    grafserv: { graphiql: false, watch: false, graphqlPath: "/graphql" },
    grafast: { explain: false },
  };
}

export async function startPostGraphile(config: ChildConfig) {
  const pgl = postgraphile(postgraphilePreset(config));
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  server.on("error", (error) => {
    console.error(error);
    process.exit(1);
  });
  await serv.addTo(server);
  await pgl.getSchema();
  server.keepAliveTimeout = 65_000;
  server.listen(config.port, "127.0.0.1");
  return server;
}

if (require.main === module) {
  countStatements();
  startPostGraphile(childConfig()).catch((error: unknown) => {
    console.error("PostGraphile failed to start:", error);
    process.exit(1);
  });
}
