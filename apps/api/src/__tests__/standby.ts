/**
 * A private PostgreSQL primary with a streaming standby, for tests of read replicas: `initdb` and `pg_ctl` on
 * free loopback ports in a temporary directory, the standby cloned with `pg_basebackup -R -X stream`. Runs
 * the binaries as the `postgres` OS user when the tests run as root (PostgreSQL refuses to run as root).
 * Independent of DATABASE_URL: the suites using it run the same on the embedded-database CI run.
 */
import { execFile } from "node:child_process";
import { chownSync, mkdtempSync, appendFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createPool } from "@tradegraph/db";

const run = promisify(execFile);
const BIN = process.env.PG_BIN_DIR ?? "/usr/lib/postgresql/15/bin";

/** Runs a PostgreSQL binary, as the postgres user when we are root. */
async function pg(binary: string, args: string[]): Promise<void> {
  const command = path.join(BIN, binary);
  const asRoot = process.getuid?.() === 0;
  await run(asRoot ? "runuser" : command, asRoot ? ["-u", "postgres", "--", command, ...args] : args, { timeout: 60_000 });
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface StandbyCluster {
  /** postgresql://postgres@127.0.0.1:<port>/postgres of the primary. */
  primaryUrl: string;
  /** The same for the standby (read-only). */
  standbyUrl: string;
  /** Stops replaying WAL on the standby (it keeps receiving it): the standby falls behind. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Stops the standby (fast shutdown: its sessions are terminated). */
  stopStandby(): Promise<void>;
  /** Stops both servers and removes the directory. */
  stop(): Promise<void>;
}

/** Starts a primary and a streaming standby of it; a write on the primary reaches the standby within a second. */
export async function startStandbyCluster(): Promise<StandbyCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tradegraph-standby-"));
  if (process.getuid?.() === 0) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const primaryDir = path.join(dir, "primary");
  const standbyDir = path.join(dir, "standby");
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  const options = (port: number) => `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const running: string[] = [];
  const stopServer = async (dataDir: string, mode: "fast" | "immediate") => {
    if (!running.includes(dataDir)) return;
    running.splice(running.indexOf(dataDir), 1);
    await pg("pg_ctl", ["-D", dataDir, "-m", mode, "-w", "stop"]).catch(() => undefined);
  };
  try {
    await pg("initdb", ["-D", primaryDir, "-A", "trust", "-U", "postgres", "--no-sync", "--no-instructions"]);
    appendFileSync(path.join(primaryDir, "pg_hba.conf"), "\nhost replication all 127.0.0.1/32 trust\n");
    await pg("pg_ctl", ["-D", primaryDir, "-o", options(primaryPort), "-l", path.join(dir, "primary.log"), "-w", "start"]);
    running.push(primaryDir);
    await pg("pg_basebackup", ["-D", standbyDir, "-R", "-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-X", "stream", "-c", "fast"]);
    await pg("pg_ctl", ["-D", standbyDir, "-o", options(standbyPort), "-l", path.join(dir, "standby.log"), "-w", "start"]);
    running.push(standbyDir);
  } catch (error) {
    for (const dataDir of [...running].reverse()) await stopServer(dataDir, "immediate");
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const primaryUrl = `postgresql://postgres@127.0.0.1:${primaryPort}/postgres`;
  const standbyUrl = `postgresql://postgres@127.0.0.1:${standbyPort}/postgres`;
  const onStandby = async (sql: string) => {
    const pool = createPool(standbyUrl, { max: 1, applicationName: "tradegraph-test" });
    try {
      await pool.query(sql);
    } finally {
      await pool.end();
    }
  };
  return {
    primaryUrl,
    standbyUrl,
    pauseReplay: () => onStandby("SELECT pg_wal_replay_pause()"),
    resumeReplay: () => onStandby("SELECT pg_wal_replay_resume()"),
    stopStandby: () => stopServer(standbyDir, "fast"),
    async stop() {
      await stopServer(standbyDir, "immediate");
      await stopServer(primaryDir, "fast");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
