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

/**
 * Chooses the database of each request: the primary for writes and for a client that wrote within the
 * read-your-writes window, otherwise a healthy replica (round robin), otherwise the primary. Replicas are
 * checked in the background; none configured, every read goes to the primary.
 *
 * The write window is kept in this process's memory: behind a load balancer without sticky sessions, a
 * client's next request may reach another API process that has not seen its write (see docs/reliability.md).
 */
export class DatabaseRouter {
  readonly replicas: Replica[];
  private readonly lastWrite = new Map<string, number>();
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

  /** The database a request of this client reads from. */
  reader(client: string | null): Database {
    if (this.replicas.length === 0) return this.primary;
    if (client !== null) {
      const wrote = this.lastWrite.get(client);
      if (wrote !== undefined) {
        if (Date.now() - wrote < this.settings.readYourWritesMs) return this.primary;
        this.lastWrite.delete(client);
      }
    }
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
