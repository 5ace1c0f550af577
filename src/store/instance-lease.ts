// Which processes are alive, so jobs of dead ones become `interrupted` and jobs of live ones are
// left alone, also with several bot processes on one PostgreSQL. Each open store registers an
// instance and refreshes its heartbeat (database time, so clocks of different machines do not
// matter); an owner is gone when its heartbeat is older than the lease, when it closed, or when it
// ran on this host and its PID no longer does.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Database } from './database.js';
import { isProcessAlive, processHost } from './process-host.js';
import { jobOf } from './rows.js';
import { instances, jobs } from './schema.js';
import type { Job } from './types.js';

export interface LeaseOptions {
  readonly heartbeatMs: number;
  /** An instance silent for longer than this is gone. Several heartbeats, so one slow write does not kill a live process. */
  readonly leaseMs: number;
  /** Embedded: the data directory lock guarantees that every other instance is gone. */
  readonly exclusive: boolean;
  readonly now: () => Date;
  readonly onError: (error: unknown) => void;
}

const INTERRUPTED = { code: 'interrupted', message: 'the portbot process running this scan stopped before it finished' };

export class InstanceLease {
  readonly id = randomUUID();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database,
    private readonly options: LeaseOptions,
  ) {}

  async register(): Promise<void> {
    await this.db.insert(instances).values({ id: this.id, host: processHost(), pid: process.pid });
    this.timer = setInterval(() => {
      this.db
        .update(instances)
        .set({ heartbeatAt: sql`now()` })
        .where(eq(instances.id, this.id))
        .catch(this.options.onError);
    }, this.options.heartbeatMs);
    this.timer.unref();
  }

  async markInterrupted(): Promise<Job[]> {
    const owners = await this.goneOwners();
    if (owners.length === 0) return [];
    const rows = await this.db
      .update(jobs)
      .set({ status: 'interrupted', errorCode: INTERRUPTED.code, errorMessage: INTERRUPTED.message, finishedAt: this.options.now() })
      // The status condition is re-checked on each row under its lock: two processes sweeping at
      // once each get a disjoint set, so every requester is told once.
      .where(and(inArray(jobs.status, ['queued', 'running']), inArray(jobs.ownerInstance, owners)))
      .returning();
    return rows.map(jobOf);
  }

  /** Owners of unfinished jobs that are gone (never this instance). */
  private async goneOwners(): Promise<string[]> {
    const rows = await this.db
      .selectDistinct({
        owner: jobs.ownerInstance,
        host: instances.host,
        pid: instances.pid,
        fresh: sql<boolean>`${instances.heartbeatAt} > now() - make_interval(secs => ${this.options.leaseMs / 1000})`,
      })
      .from(jobs)
      .leftJoin(instances, eq(instances.id, jobs.ownerInstance))
      .where(and(inArray(jobs.status, ['queued', 'running']), ne(jobs.ownerInstance, this.id)));
    const here = processHost();
    return rows
      .filter((row) => this.options.exclusive || row.host === null || !row.fresh || (row.host === here && !isProcessAlive(row.pid!)))
      .map((row) => row.owner);
  }

  /** Stops the heartbeat and says so: this instance's unfinished jobs are then gone for every sweep. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.db.update(instances).set({ heartbeatAt: new Date(0) }).where(eq(instances.id, this.id));
  }
}
