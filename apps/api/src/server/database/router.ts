import type { Database, PoolOptions } from "@tradegraph/db";
import type pg from "pg";
import type { Logger } from "../logger";
import { checkReplica, openReplica, type Replica } from "./replica";

export interface ReplicaSettings {
  urls: string[];
  /** Skip a replica whose replay is further behind than this. */
  maxLagMs: number;
  /** Background check period per replica. */
  checkIntervalMs: number;
  /** After a client's write, its requests use the primary for this long. */
  readYourWritesMs: number;
}

/** Read-your-writes windows shared by every API process (Redis, with REDIS_URL). */
export interface SharedWriteWindows {
  /** Records that `client` wrote: its reads use the primary for `ms`, on every process. */
  mark(client: string, ms: number): Promise<void>;
  /** Whether `client` wrote within its window through any process; true when that cannot be told (fail to the primary). */
  recent(client: string): Promise<boolean>;
}

/**
 * Chooses the database of each request: the primary for writes and for a client that wrote within the
 * read-your-writes window, otherwise a healthy replica (round robin), otherwise the primary. Replicas are
 * checked in the background; none configured, every read goes to the primary.
 *
 * The write window is kept in this process's memory and, once shareWrites() is given a shared store (Redis),
 * there too, so that behind a load balancer the client's next request on another process sees it.
 */
export class DatabaseRouter {
  readonly replicas: Replica[];
  private readonly lastWrite = new Map<string, number>();
  private shared: SharedWriteWindows | null = null;
  private timer: NodeJS.Timeout | null = null;
  private next = 0;
  private stopped = false;
  private checking: Promise<void> = Promise.resolve();

  constructor(
    readonly primary: Database,
    /** Mutable: tests tighten or loosen the bounds of a running router. */
    readonly settings: ReplicaSettings,
    poolOptions: PoolOptions = {},
    private readonly logger?: Logger,
  ) {
    this.replicas = settings.urls.map((url, i) => openReplica(`replica-${i + 1}`, url, poolOptions));
  }

  /** Checks every replica once, then keeps checking every checkIntervalMs until close(). */
  async start(): Promise<void> {
    await this.checkAll();
    this.schedule();
  }

  /** Keeps write windows in `shared` as well (every API process on one Redis). */
  shareWrites(shared: SharedWriteWindows): void {
    this.shared = shared;
  }

  /** The database a request of this client reads from, by this process's write windows only. */
  reader(client: string | null): Database {
    if (this.replicas.length === 0) return this.primary;
    if (this.wroteHere(client)) return this.primary;
    return this.nextReplica();
  }

  /**
   * The database a request of this client reads from, by every process's write windows: a client that could
   * have written (`mayHaveWritten`: it sent an API key, as mutations need one) costs one lookup in the shared
   * store when this process has no window for it; anyone else costs nothing.
   */
  async readerFor(client: string | null, mayHaveWritten: boolean): Promise<Database> {
    const local = this.reader(client);
    if (local === this.primary || client === null || !mayHaveWritten || !this.shared || this.settings.readYourWritesMs === 0) return local;
    return (await this.shared.recent(client)) ? this.primary : local;
  }

  private wroteHere(client: string | null): boolean {
    if (client === null) return false;
    const wrote = this.lastWrite.get(client);
    if (wrote === undefined) return false;
    if (Date.now() - wrote < this.settings.readYourWritesMs) return true;
    this.lastWrite.delete(client);
    return false;
  }

  private nextReplica(): Database {
    for (let i = 0; i < this.replicas.length; i++) {
      const replica = this.replicas[(this.next + i) % this.replicas.length]!;
      if (replica.healthy) {
        this.next = (this.next + i + 1) % this.replicas.length;
        return replica.db;
      }
    }
    return this.primary;
  }

  /** Records a client's write: its reads go to the primary for the read-your-writes window. */
  noteWrite(client: string | null): void {
    if (client === null || this.replicas.length === 0 || this.settings.readYourWritesMs === 0) return;
    this.lastWrite.set(client, Date.now());
    if (this.lastWrite.size > 10_000) this.forgetOldWrites();
  }

  /** noteWrite, and the same window in the shared store (if any) for the other processes. */
  async shareWrite(client: string | null): Promise<void> {
    this.noteWrite(client);
    if (client === null || !this.shared || this.replicas.length === 0 || this.settings.readYourWritesMs === 0) return;
    await this.shared.mark(client, this.settings.readYourWritesMs);
  }

  /** Every pool by name ("primary", "replica-1", …), for metrics. */
  pools(): Array<{ name: string; pool: pg.Pool }> {
    return [{ name: "primary", pool: this.primary.pool }, ...this.replicas.map((r) => ({ name: r.name, pool: r.db.pool }))];
  }

  /** Runs one round of checks now (tests use it instead of waiting for the next round). */
  async checkAll(): Promise<void> {
    const run = this.checking.then(async () => {
      await Promise.all(
        this.replicas.map(async (replica) => {
          const was = replica.healthy;
          await checkReplica(replica, this.settings.maxLagMs);
          if (was !== replica.healthy) {
            if (replica.healthy) this.logger?.info({ replica: replica.name, lagMs: replica.lagMs }, "read replica in use");
            else this.logger?.warn({ replica: replica.name, problem: replica.problem }, "read replica skipped");
          }
        }),
      );
    });
    this.checking = run;
    await run;
  }

  /** Stops checking and closes the replicas' pools; the primary stays open (its owner closes it). */
  async close(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.checking;
    await Promise.all(this.replicas.map((r) => r.db.close().catch(() => undefined)));
  }

  private schedule(): void {
    if (this.stopped || this.replicas.length === 0) return;
    this.timer = setTimeout(() => {
      void this.checkAll().then(() => this.schedule());
    }, this.settings.checkIntervalMs);
    this.timer.unref();
  }

  private forgetOldWrites(): void {
    const cutoff = Date.now() - this.settings.readYourWritesMs;
    for (const [client, at] of this.lastWrite) if (at < cutoff) this.lastWrite.delete(client);
  }
}

/** A router over the primary and DATABASE_REPLICA_URLS' replicas, checked once before it is returned. */
export async function openDatabaseRouter(
  primary: Database,
  settings: ReplicaSettings,
  poolOptions: PoolOptions = {},
  logger?: Logger,
): Promise<DatabaseRouter> {
  const router = new DatabaseRouter(primary, settings, poolOptions, logger);
  await router.start();
  return router;
}
