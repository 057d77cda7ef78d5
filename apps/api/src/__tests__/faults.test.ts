/**
 * Faults between the API and PostgreSQL. A TCP proxy (node:net) sits between the API's pool and the database;
 * the tests cut every proxied connection and refuse new ones, hold new connections without answering, or have
 * PostgreSQL terminate the API's sessions (as a restart does). The API must answer SERVICE_UNAVAILABLE (HTTP
 * 503, Retry-After) meanwhile, never crash, serve again once the database is back, and keep every write it
 * acknowledged. The machine's PostgreSQL is never stopped: each fault touches only this file's database.
 */
import net from "node:net";
import { openDatabase, type Database } from "@tradegraph/db";
import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import { generateApiKey } from "../auth/api-key";
import { toGlobalId } from "../common/global-id";
import { parseEnv } from "../env";
import { createLogger } from "../server/logger";
import { createServer, type TradegraphServer } from "../server/create-server";
import { countStatement } from "../sql";
import { post } from "./hostile";

/**
 * Forwards loopback connections to PostgreSQL until told to fail. While frozen it holds what the API sends
 * (statements reach the proxy, never PostgreSQL) and still passes on what PostgreSQL sends back.
 */
class FaultProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private mode: "forward" | "hold" = "forward";
  private frozen = false;
  private freezeText: string | null = null;
  private readonly held: Array<{ upstream: net.Socket; chunk: Buffer }> = [];
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** Messages from the API held since freeze(). */
  get heldMessages(): number {
    return this.held.length;
  }

  async listen(): Promise<void> {
    const server = net.createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  private accept(client: net.Socket): void {
    this.sockets.add(client);
    client.on("error", () => client.destroy());
    client.on("close", () => this.sockets.delete(client));
    if (this.mode === "hold") return;
    const upstream = net.connect(this.targetPort, this.targetHost);
    this.sockets.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    upstream.on("error", end);
    upstream.on("close", () => {
      this.sockets.delete(upstream);
      end();
    });
    client.on("close", end);
    client.on("data", (chunk: Buffer) => {
      if (this.freezeText !== null && chunk.includes(this.freezeText)) {
        this.freezeText = null;
        this.frozen = true;
      }
      if (this.frozen) this.held.push({ upstream, chunk });
      else upstream.write(chunk);
    });
    upstream.pipe(client);
  }

  /** Holds everything the API sends from now on, on open and new connections alike. */
  freeze(): void {
    this.frozen = true;
  }

  /** Forwards until the API sends a message containing `text`, then holds it and everything after, as freeze(). */
  freezeAt(text: string): void {
    this.freezeText = text;
  }

  /** Sends what was held, in order, and forwards again. */
  thaw(): void {
    this.frozen = false;
    for (const { upstream, chunk } of this.held.splice(0)) if (!upstream.destroyed) upstream.write(chunk);
  }

  /** Destroys every proxied connection and stops listening: new connections are refused (ECONNREFUSED). */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.held.length = 0;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Destroys every proxied connection; new ones are accepted and then never answered. */
  hold(): void {
    this.mode = "hold";
    for (const socket of this.sockets) socket.destroy();
  }

  /** Forwards again, on the same port. */
  async restore(): Promise<void> {
    this.mode = "forward";
    this.frozen = false;
    this.freezeText = null;
    this.held.length = 0;
    for (const socket of this.sockets) socket.destroy();
    if (!this.server) await this.listen();
  }

  async close(): Promise<void> {
    await this.cut();
  }
}

/** Resolves once `condition` holds, polling every 10 ms; fails after `ms`. */
async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const embedded = !process.env.DATABASE_URL;
/** The pool's bounds in this file (DB_QUERY_TIMEOUT_MS, DB_CONNECT_TIMEOUT_MS). */
const QUERY_TIMEOUT_MS = 1_500;
const CONNECT_TIMEOUT_MS = 2_000;
let testDb: TestDatabase;
let proxy: FaultProxy;
let db: Database;
let server: TradegraphServer;
let url: string;
let editor: { headers: Record<string, string> };
let sourceId: string;
const logs: string[] = [];
/** HTTP requests the API has received so far. */
let received = 0;

beforeAll(async () => {
  testDb = await createTestDatabase({ seed: true });
  const target = new URL(testDb.url);
  proxy = new FaultProxy(target.hostname, Number(target.port || 5432));
  await proxy.listen();
  const proxied = new URL(testDb.url);
  proxied.hostname = "127.0.0.1";
  proxied.port = String(proxy.port);
  const env = parseEnv({
    NODE_ENV: "test",
    LOG_LEVEL: "info",
    RATE_LIMIT_PER_MINUTE: "0",
    RATE_LIMIT_PER_MINUTE_WITH_KEY: "0",
    EXECUTION_TIMEOUT_MS: "1000",
    DB_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
    DB_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
  });
  // The embedded database runs one statement at a time, in one session: one connection and no statement names,
  // as openDatabase gives it.
  db = await openDatabase({ url: proxied.toString(), migrate: false, poolSize: embedded ? 1 : 4, namedStatements: !embedded, onQuery: countStatement, ...env.pool });
  server = await createServer({ env, db, logger: createLogger("info", { write: (line: string) => void logs.push(line) }) });
  url = await server.listen(0, "127.0.0.1");
  server.httpServer.on("request", () => void received++);
  const key = generateApiKey();
  await testDb.prisma.apiKey.create({ data: { name: "fault test", prefix: key.prefix, secretHash: key.secretHash, role: "EDITOR" } });
  editor = { headers: { authorization: `Bearer ${key.key}` } };
  const source = await testDb.prisma.source.findFirstOrThrow();
  sourceId = toGlobalId("Source", source.id);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await db?.close().catch(() => undefined);
  await proxy?.close();
  await testDb?.destroy();
});

const base = () => url.replace(/\/graphql$/, "");
const gql = (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => post(url, JSON.stringify({ query, variables }), headers);

let nextYear = 1901;
const UPSERT = `mutation U($input: ExportRecordInput!) { upsertExportRecord(input: $input) { exportRecord { id period valueUsd } userErrors { code } } }`;
/** Each upsert writes its own month and its own value, so a stored row tells which write it was. */
const upsertInput = () => {
  const year = nextYear++;
  return { exporter: "AZ", importer: "IL", commodity: "2709", period: `${year}-01`, source: sourceId, valueUsd: 1000 + year };
};
const MEETING = `mutation M($input: MeetingInput!) { createMeeting(input: $input) { meeting { id } userErrors { code } } }`;
const meetingInput = (title: string) => ({
  title,
  startDate: "2024-06-04",
  participants: [
    { person: "A", country: "AZ" },
    { person: "B", country: "IL" },
  ],
  source: sourceId,
});

type Answer = Awaited<ReturnType<typeof gql>>;
const codes = (answer: Answer) => (answer.body.errors ?? []).map((e) => e.extensions?.code);
const succeeded = (answer: Answer) => answer.status === 200 && codes(answer).length === 0;
/** Every error of an answer is SERVICE_UNAVAILABLE, and it has no data: HTTP 503 with Retry-After. */
function expectUnavailable(answer: Answer): void {
  const unexpected = (answer.body.errors ?? []).filter((e) => e.extensions?.code !== "SERVICE_UNAVAILABLE");
  if (codes(answer).length === 0 || unexpected.length > 0) throw new Error(`expected SERVICE_UNAVAILABLE, got HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 1500)}`);
  expect(answer.status).toBe(503);
  expect(answer.headers.get("retry-after")).toBe("1");
}

/** Waits (briefly, at most ~10 s) until /readyz answers 200; returns the number of probes it took. */
async function ready(): Promise<number> {
  for (let attempt = 1; attempt <= 100; attempt++) {
    if ((await fetch(`${base()}/readyz`)).status === 200) return attempt;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("/readyz never answered 200 again");
}

interface Acknowledged {
  period: string;
  valueUsd: number;
}
type UpsertData = { upsertExportRecord?: { exportRecord: { id: string; period: string; valueUsd: number } } };
const acknowledgedOf = (answer: Answer): Acknowledged[] => {
  const record = (answer.body.data as UpsertData | null)?.upsertExportRecord?.exportRecord;
  return record ? [{ period: record.period, valueUsd: record.valueUsd }] : [];
};

describe("the database connection is cut while requests run", () => {
  const acknowledged: Acknowledged[] = [];

  it("serves through the proxy, and a write is acknowledged", async () => {
    const answer = await gql(UPSERT, { input: upsertInput() }, editor.headers);
    expect(succeeded(answer)).toBe(true);
    acknowledged.push(...acknowledgedOf(answer));
  });

  it("answers requests in flight and during the outage with SERVICE_UNAVAILABLE, then recovers", async () => {
    const titles = Array.from({ length: 4 }, (_, i) => `fault-test meeting ${i}`);
    // Frozen, the proxy keeps the API's statements from PostgreSQL: no request can finish before the cut.
    proxy.freeze();
    const before = received;
    const inFlight = [
      ...Array.from({ length: 4 }, () => gql(UPSERT, { input: upsertInput() }, editor.headers)),
      ...titles.map((title) => gql(MEETING, { input: meetingInput(title) }, editor.headers)),
      ...Array.from({ length: 4 }, () => gql(`{ exportRecords(first: 50) { totalCount nodes { id exporter { name } importer { name } } } }`)),
    ];
    await until(() => received - before === inFlight.length && proxy.heldMessages > 0, "the API has every request and its statements are held");
    const heldAtCut = proxy.heldMessages;
    await proxy.cut();
    const answers = await Promise.all(inFlight);
    console.log(`faults: ${answers.length} requests received by the API, ${heldAtCut} of its messages to PostgreSQL held at the cut`);
    for (const answer of answers) expectUnavailable(answer);

    // During the outage
    expectUnavailable(await gql(`{ countries(first: 5) { nodes { code } } }`));
    expectUnavailable(await gql(`{ exportRecords(first: 5) { totalCount } }`));
    expectUnavailable(await gql(`{ commodities { hsCode } }`, undefined, editor.headers));
    expectUnavailable(await gql(UPSERT, { input: upsertInput() }, editor.headers));
    // Without a key a write is refused before any database access.
    expect(codes(await gql(UPSERT, { input: upsertInput() }))).toEqual(["UNAUTHENTICATED"]);
    expect((await fetch(`${base()}/readyz`)).status).toBe(503);
    expect((await fetch(`${base()}/healthz`)).status).toBe(200);

    await proxy.restore();
    const probes = await ready();
    console.log(`faults: served again after ${probes} readiness probe(s) 100 ms apart`);
    for (let i = 0; i < 5; i++) {
      expect(succeeded(await gql(`{ countries(first: 5) { nodes { code } } }`))).toBe(true);
    }
    const write = await gql(UPSERT, { input: upsertInput() }, editor.headers);
    expect(succeeded(write)).toBe(true);
    acknowledged.push(...acknowledgedOf(write));

    // A meeting cut off before or during its transaction is there whole or not at all.
    for (const title of titles) {
      const meetings = await testDb.prisma.meeting.findMany({ where: { title }, include: { participants: true } });
      expect(meetings.length).toBeLessThanOrEqual(1);
      if (meetings[0]) expect(meetings[0].participants).toHaveLength(2);
    }
  }, 60_000);

  it("loses no acknowledged write: PostgreSQL holds each one's values", async () => {
    expect(acknowledged).toHaveLength(2);
    const { rows } = await testDb.pool.query<{ period: string; value_usd: string }>(
      `SELECT to_char(period, 'YYYY-MM') AS period, value_usd FROM export_record
       WHERE exporter_code = 'AZ' AND importer_code = 'IL' AND period < '1990-01-01' ORDER BY period`,
    );
    const stored = new Map(rows.map((row) => [row.period, Number(row.value_usd)]));
    for (const write of acknowledged) expect(stored.get(write.period)).toBe(write.valueUsd);
  });
});

describe("new connections hang (a partition)", () => {
  it("fails requests after the pool's connection timeout instead of hanging, then recovers", async () => {
    proxy.hold();
    const answers = await Promise.all([gql(`{ countries(first: 5) { nodes { code } } }`), gql(`{ commodities { hsCode } }`, undefined, editor.headers)]);
    for (const answer of answers) expectUnavailable(answer);
    await proxy.restore();
    await ready();
    expect(succeeded(await gql(`{ countries(first: 5) { nodes { code } } }`))).toBe(true);
  }, 30_000);
});

/** Sessions of this file's database (other than the asking one) with a transaction open and idle. */
async function openTransactions(): Promise<number> {
  const { rows } = await testDb.pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'",
  );
  return rows[0]!.n;
}

describe("a silent partition: the proxy stops forwarding and keeps every connection open", () => {
  it("answers SERVICE_UNAVAILABLE within the pool's bounds instead of hanging, never commits what it cut off, then recovers", async () => {
    // Open the pool's connections first, so the requests below wait on established ones, as in a partition.
    await Promise.all(Array.from({ length: 4 }, () => gql(`{ exportRecords(first: 5) { totalCount } }`)));
    proxy.freeze();
    const started = Date.now();
    const answers = await Promise.all([
      gql(`{ exportRecords(first: 5) { totalCount nodes { id } } }`),
      gql(`{ commodities { hsCode } }`),
      gql(`{ countries(first: 3) { nodes { code } } }`, undefined, editor.headers),
      gql(MEETING, { input: meetingInput("partitioned meeting") }, editor.headers),
    ]);
    const elapsed = Date.now() - started;
    console.log(`faults: during a silent partition ${answers.length} requests answered SERVICE_UNAVAILABLE after ${elapsed} ms (query timeout ${QUERY_TIMEOUT_MS} ms, connect timeout ${CONNECT_TIMEOUT_MS} ms)`);
    for (const answer of answers) expectUnavailable(answer);
    // A statement waits at most for a connection and then for its answer.
    expect(elapsed).toBeLessThan(CONNECT_TIMEOUT_MS + QUERY_TIMEOUT_MS + 1_000);

    // The network comes back: what the proxy held is delivered, on the connections that are still open.
    proxy.thaw();
    for (let i = 0; i < 4; i++) {
      expect(succeeded(await gql(`{ exportRecords(first: 5) { totalCount } }`))).toBe(true);
      expect(succeeded(await gql(`{ countries(first: 3) { nodes { code } } }`, undefined, editor.headers))).toBe(true);
    }
    const later = await gql(MEETING, { input: meetingInput("meeting after the partition") }, editor.headers);
    expect(succeeded(later)).toBe(true);
    // The timed-out connections were destroyed, not reused: no held statement ran later, in a transaction or not.
    expect(await testDb.prisma.meeting.count({ where: { title: "partitioned meeting" } })).toBe(0);
    if (!embedded) expect(await openTransactions()).toBe(0);
  }, 30_000);

  it("cuts a transaction off after its BEGIN: the API answers SERVICE_UNAVAILABLE and the transaction is never committed", async () => {
    // BEGIN reaches PostgreSQL; the meeting's INSERT and everything after it is held.
    proxy.freezeAt('INSERT INTO "public"."meeting"');
    const started = Date.now();
    const cut = await gql(MEETING, { input: meetingInput("meeting cut mid-transaction") }, editor.headers);
    const elapsed = Date.now() - started;
    expectUnavailable(cut);
    expect(proxy.heldMessages).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(CONNECT_TIMEOUT_MS + 2 * QUERY_TIMEOUT_MS + 1_000);
    // The held INSERT is delivered now, if its connection still exists; later transactions must not commit it.
    proxy.thaw();
    for (let i = 0; i < 4; i++) {
      expect(succeeded(await gql(MEETING, { input: meetingInput(`meeting after the cut ${i}`) }, editor.headers))).toBe(true);
      expect(succeeded(await gql(`{ exportRecords(first: 5) { totalCount } }`))).toBe(true);
    }
    expect(await testDb.prisma.meeting.count({ where: { title: { startsWith: "meeting after the cut" } } })).toBe(4);
    expect(await testDb.prisma.meeting.count({ where: { title: "meeting cut mid-transaction" } })).toBe(0);
    // Nor is it left open on a connection the pool lost track of, holding its locks; and no connection of the
    // pool stays checked out (Prisma releases a transaction's connection only after its ROLLBACK succeeds).
    if (!embedded) expect(await openTransactions()).toBe(0);
    expect(db.pool.totalCount - db.pool.idleCount).toBe(0);
  }, 30_000);
});

(embedded ? describe.skip : describe)("PostgreSQL terminates the API's sessions, as in a restart (needs a PostgreSQL server)", () => {
  it("answers SERVICE_UNAVAILABLE for a request on a terminated session and serves on new ones", async () => {
    // Open the pool's sessions, then send requests whose statements the proxy holds, so they wait on those sessions.
    await Promise.all(Array.from({ length: 4 }, () => gql(`{ exportRecords(first: 20) { totalCount nodes { id } } }`)));
    proxy.freeze();
    const before = received;
    const inFlight = Array.from({ length: 4 }, (_, i) =>
      gql(`{ country(code: "AZ") { name } exportRecords(first: 5) { totalCount } }`, undefined, i % 2 ? editor.headers : {}),
    );
    await until(() => received - before === inFlight.length && proxy.heldMessages > 0, "the requests' statements are held");
    // Only this file's database, only other sessions: PostgreSQL's FATAL reaches the API through the proxy.
    const { rows } = await testDb.pool.query<{ n: string }>(
      "SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    await Promise.race([Promise.any(inFlight), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    proxy.thaw();
    const answers = await Promise.all(inFlight);
    const unavailable = answers.filter((a) => !succeeded(a));
    console.log(`faults: after the sessions were terminated, ${unavailable.length} of ${answers.length} requests in flight got SERVICE_UNAVAILABLE`);
    expect(unavailable.length).toBeGreaterThanOrEqual(1);
    for (const answer of unavailable) expectUnavailable(answer);
    for (let i = 0; i < 4; i++) expect(succeeded(await gql(`{ country(code: "AZ") { name } exportRecords(first: 5) { totalCount } }`))).toBe(true);
  }, 30_000);
});

describe("afterwards", () => {
  it("logged no unexpected error: every failure was classified", () => {
    const unexpected = logs.filter((line) => line.includes('"unexpected error"') || line.includes('"http error"'));
    expect(unexpected).toEqual([]);
  });
});

if (embedded) {
  console.log("faults.test.ts: the session-termination test needs a PostgreSQL server (set DATABASE_URL); PGlite has no pg_terminate_backend.");
}
