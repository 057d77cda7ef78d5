import path from "node:path";

/** Configuration of the importer's command lines, read once from the environment. */
export interface ImporterEnv {
  /** PostgreSQL server; unset means the embedded database. */
  databaseUrl: string | undefined;
  /** Where the embedded database keeps its files. */
  dataDir: string;
  /** Where the user ran npm: relative paths on the command line are taken from here. */
  cwd: string;
}

export function readImporterEnv(env: NodeJS.ProcessEnv = process.env): ImporterEnv {
  // npm runs workspace scripts inside the package; INIT_CWD is where the user ran npm.
  const cwd = env.INIT_CWD || process.cwd();
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(`DATABASE_URL must be a postgresql:// connection string, got "${databaseUrl.replace(/:[^:@/]*@/, ":***@")}".`);
  }
  return { databaseUrl, dataDir: path.resolve(cwd, env.TRADEGRAPH_DATA_DIR?.trim() || ".data"), cwd };
}
