/**
 * Starts the three servers as child processes of the bench, waits until they answer, measures their memory and
 * SQL statements, and stops them — every child is registered so that stopAll() (and the exit hook) ends it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { processCpuSeconds } from "../cpu";
import type { HttpRequest, ServerName } from "../scenarios";
import { startRoundRobinProxy } from "./proxy";

export interface StartOptions {
  databaseUrl: string;
  poolSize: number;
  /** Write a V8 CPU profile of the server into this directory when it stops (node --cpu-prof). */
  profileDir?: string;
  /** tradegraph: the entry point to run (default: apps/api's build) and extra environment. */
  tradegraphMain?: string | null;
  tradegraphEnv?: Record<string, string>;
  /** tradegraph: this many API processes behind the bench's round-robin proxy (default 1: no proxy). */
  replicas?: number;
  log: (line: string) => void;
}

export interface RunningServer {
  name: ServerName;
  /** http://127.0.0.1:port */
  origin: string;
  pid: number;
  /** The application_name of its database connections (to find its PostgreSQL backends). */
  applicationName: string;
  /** CPU seconds the server process has used so far (Linux /proc), null elsewhere. */
  cpuSeconds(): number | null;
  /** Resident set size of the server process in bytes (Linux /proc), null elsewhere or when it has exited. */
  rss(): number | null;
  /** Sends one request and reports the SQL statements it ran (see statementsOf), with the parsed body. */
  measure(request: HttpRequest): Promise<{ status: number; body: unknown; statements: number | null }>;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();

/** Kills what is left synchronously when the bench exits, whatever the reason. */
process.on("exit", () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

/** A free loopback port (the kernel picks one; it is released before the server binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** tradegraph's built entry point, found through the workspace dependency on @tradegraph/api. */
export function tradegraphMain(): string {
  const missing = "apps/api is not built: run `npx turbo run build --filter=@tradegraph/api` (npm run bench does).";
  let main: string;
  try {
    main = path.join(path.dirname(require.resolve("@tradegraph/api")), "bin", "main.js");
  } catch {
    throw new Error(missing);
  }
  if (!existsSync(main)) throw new Error(missing);
  return main;
}

export function rssOf(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

interface Launch {
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Where to poll until the server is ready. */
  probe: { method: "GET" | "POST"; path: string; body?: string };
  /** How the server reports statements: the x-sql-statements response header, or a running count over IPC. */
  statements: "header" | "ipc";
  applicationName: string;
}

function launchOf(name: ServerName, port: number, options: StartOptions): Launch {
  const child = { databaseUrl: options.databaseUrl, port, poolSize: options.poolSize };
  const base: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", GRAPHILE_ENV: "production" };
  delete base.DATABASE_URL;
  switch (name) {
    case "tradegraph":
      return {
        args: [options.tradegraphMain ? path.resolve(options.tradegraphMain) : tradegraphMain()],
        env: {
          ...base,
          DATABASE_URL: options.databaseUrl,
          HOST: "127.0.0.1",
          PORT: String(port),
          LOG_LEVEL: "warn",
          // As in production: no statement counter (it costs per request). The bench counts tradegraph's
          // statements on a separate instance with the header on (countStatements in main.ts).
          SQL_STATEMENT_HEADER: "false",
          TRADEGRAPH_SEED: "never",
          DB_POOL_SIZE: String(options.poolSize),
          // One client address sends everything: the limiter stays on (it is part of what is measured) with a limit
          // the load cannot reach, so that it counts every request without turning the load into 429s.
          RATE_LIMIT_PER_MINUTE: "100000000",
          RATE_LIMIT_PER_MINUTE_WITH_KEY: "100000000",
          ...options.tradegraphEnv,
        },
        probe: { method: "GET", path: "/readyz" },
        statements: "header",
        applicationName: "tradegraph-api",
      };
    case "postgraphile":
      return {
        args: [path.join(__dirname, "postgraphile.js"), JSON.stringify(child)],
        env: base,
        probe: { method: "POST", path: "/graphql", body: JSON.stringify({ query: "{ __typename }" }) },
        statements: "ipc",
        applicationName: "bench-postgraphile",
      };
    case "raw":
      return {
        args: [path.join(__dirname, "raw.js"), JSON.stringify(child)],
        env: base,
        probe: { method: "GET", path: "/healthz" },
        statements: "ipc",
        applicationName: "bench-raw",
      };
  }
}

const JSON_HEADERS = { "content-type": "application/json" };

/**
 * Starts one server and resolves when it answers its readiness probe (or rejects after `timeoutMs`). With
 * `replicas` > 1, tradegraph is that many processes behind a round-robin TCP proxy, reported as one server
 * (its origin the proxy's, CPU and memory summed).
 */
export async function startServer(name: ServerName, options: StartOptions, timeoutMs = 90_000): Promise<RunningServer> {
  const replicas = name === "tradegraph" ? (options.replicas ?? 1) : 1;
  if (replicas <= 1) return startOne(name, options, timeoutMs);
  const started = await Promise.allSettled(Array.from({ length: replicas }, () => startOne(name, options, timeoutMs)));
  const running = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) {
    await Promise.allSettled(running.map((r) => r.stop()));
    throw failed.reason;
  }
  const proxy = await startRoundRobinProxy(running.map((r) => Number(new URL(r.origin).port)));
  const sum = (read: (r: RunningServer) => number | null) => {
    const values = running.map(read);
    return values.some((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0);
  };
  return {
    ...running[0]!,
    origin: proxy.origin,
    cpuSeconds: () => sum((r) => r.cpuSeconds()),
    rss: () => sum((r) => r.rss()),
    async measure(request) {
      // Straight to one replica: statement counts come from its response header, the same on every replica.
      return running[0]!.measure(request);
    },
    async stop() {
      await proxy.close();
      await Promise.allSettled(running.map((r) => r.stop()));
    },
  };
}

async function startOne(name: ServerName, options: StartOptions, timeoutMs: number): Promise<RunningServer> {
  const port = await freePort();
  const launch = launchOf(name, port, options);
  const nodeArgs = options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`, `--cpu-prof-name=${name}.cpuprofile`] : [];
  const child = spawn(process.execPath, [...nodeArgs, ...launch.args], {
    env: launch.env,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  children.add(child);
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-4000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => children.delete(child));

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output}`);
    }
    try {
      const response = await fetch(origin + launch.probe.path, { method: launch.probe.method, headers: JSON_HEADERS, body: launch.probe.body });
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${name} was not ready after ${timeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  /** The running statement count of an IPC server. */
  const ipcCount = () =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not report its statement count`)), 5_000);
      const onMessage = (message: { type?: string; count?: number }) => {
        if (message?.type !== "statements") return;
        clearTimeout(timer);
        child.off("message", onMessage);
        resolve(message.count ?? 0);
      };
      child.on("message", onMessage);
      child.send({ type: "statements" });
    });

  return {
    name,
    origin,
    pid: child.pid!,
    applicationName: launch.applicationName,
    cpuSeconds: () => processCpuSeconds(child.pid!),
    rss: () => rssOf(child.pid!),
    async measure(request) {
      const before = launch.statements === "ipc" ? await ipcCount() : 0;
      const response = await fetch(origin + request.path, { method: "POST", headers: JSON_HEADERS, body: request.body });
      const text = await response.text();
      const after = launch.statements === "ipc" ? await ipcCount() : 0;
      const header = response.headers.get("x-sql-statements");
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      return {
        status: response.status,
        body,
        statements: launch.statements === "ipc" ? after - before : header == null ? null : Number(header),
      };
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      // A CPU profile is written only on a clean exit, so profiled servers get longer to stop.
      const grace = options.profileDir ? 30_000 : 5_000;
      const killed = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), grace))]);
      if (!killed) {
        options.log(`${name} did not stop within ${grace / 1000} s of SIGTERM: killing it`);
        child.kill("SIGKILL");
        await exited;
      }
    },
  };
}

/** Stops every server still running (SIGTERM, then SIGKILL after a grace period). */
export async function stopAll(servers: Iterable<RunningServer>): Promise<void> {
  await Promise.allSettled([...servers].map((server) => server.stop()));
  for (const child of children) child.kill("SIGKILL");
}
