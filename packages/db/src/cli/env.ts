import path from "node:path";

/** Configuration of the db command line, read once from the environment. */
export interface DbCliEnv {
  /** PostgreSQL server; unset means the embedded database. */
  databaseUrl: string | undefined;
  /** Where the embedded database keeps its files. */
  dataDir: string;
}

export function readDbCliEnv(env: NodeJS.ProcessEnv = process.env): DbCliEnv {
  // npm runs workspace scripts inside the package; relative paths are taken from where the user ran npm.
  const base = env.INIT_CWD ?? process.cwd();
  return {
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    dataDir: path.resolve(base, env.TRADEGRAPH_DATA_DIR?.trim() || ".data"),
  };
}
