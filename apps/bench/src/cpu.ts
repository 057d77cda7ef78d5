/**
 * CPU time of processes from Linux /proc: the server process and the PostgreSQL backends serving its pool.
 * CPU per request holds up on a shared, busy machine far better than throughput does. Null elsewhere.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import pg from "pg";

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU seconds a process has used, or null when /proc can't tell. */
export function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after "pid (comm) ": state is field 3, utime field 14, stime field 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / clockTicks();
  } catch {
    return null;
  }
}

/** Watches the PostgreSQL backends of one application (its pool's application_name) on the benchmark database. */
export class BackendCpu {
  private constructor(private readonly client: pg.Client) {}

  static async connect(url: string): Promise<BackendCpu> {
    const client = new pg.Client({ connectionString: url, application_name: "bench-monitor" });
    await client.connect();
    return new BackendCpu(client);
  }

  /** The backends' process ids now (a pool's connections, once it has warmed up). */
  async backends(applicationName: string): Promise<number[]> {
    const { rows } = await this.client.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()",
      [applicationName],
    );
    return rows.map((row) => row.pid);
  }

  /** CPU seconds each of these processes has used so far (those that can be read). */
  static snapshot(pids: number[]): Map<number, number> {
    return new Map(pids.flatMap((pid) => {
      const seconds = processCpuSeconds(pid);
      return seconds == null ? [] : [[pid, seconds] as const];
    }));
  }

  /** CPU seconds spent between two snapshots by the processes in both; null when there are none. */
  static spent(before: Map<number, number>, after: Map<number, number>): number | null {
    let total: number | null = null;
    for (const [pid, seconds] of after) {
      const start = before.get(pid);
      if (start != null) total = (total ?? 0) + seconds - start;
    }
    return total;
  }

  close(): Promise<void> {
    return this.client.end();
  }
}
