// Watches in the store: each write is one statement or one transaction, so a process killed at any
// moment leaves a watch as it was or fully updated. The run lease is one conditional update: a
// slot is taken when it is newer than the last slot run and nobody alive holds the lease, so two
// bot processes on one PostgreSQL run each slot once, and a slot whose runner died runs again.
import { and, asc, desc, eq, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { PortbotError } from '../errors.js';
import type { WatchPauseReason } from '../watch/pause-reason.js';
import type { Database } from './database.js';
import { resultOf } from './job-reads.js';
import { newJobId, parseJobId } from './job-id.js';
import { hostOf } from './rows.js';
import { instances, jobHosts, jobs, watchRuns, watches } from './schema.js';
import type { StoredResult } from './types.js';
import type { NewWatch, StoredWatch, WatchPlace, WatchRecords } from './watch-types.js';

type WatchRow = typeof watches.$inferSelect;

const ID_ATTEMPTS = 12;

export interface WatchRecordsContext {
  readonly db: Database;
  readonly instanceId: string;
  /** Embedded: the data directory lock means every other instance is gone. */
  readonly exclusive: boolean;
  /** An instance whose heartbeat is older than this is gone (instance-lease.ts). */
  readonly leaseMs: number;
  readonly now: () => Date;
}

export class WatchTable implements WatchRecords {
  constructor(private readonly context: WatchRecordsContext) {}

  async createWatch(watch: NewWatch): Promise<StoredWatch> {
    const { db } = this.context;
    const { place, creator, createdAt } = watch;
    return db.transaction(async (tx) => {
      for (let attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
        const [row] = await tx
          .insert(watches)
          .values({
            id: newJobId(attempt),
            platform: place.platform,
            workspaceId: place.workspaceId,
            channelId: place.channelId,
            creator,
            creatorName: watch.creatorName ?? null,
            targets: watch.targets,
            ports: watch.ports,
            protocol: watch.protocol,
            schedule: watch.schedule,
            timeZone: watch.timeZone,
            createdAt,
            lastSlot: createdAt,
            lastRunAt: createdAt,
          })
          .onConflictDoNothing({ target: watches.id })
          .returning();
        if (row === undefined) continue;
        await tx.insert(watchRuns).values({ watchId: row.id, jobId: watch.baselineJobId, slot: createdAt });
        return watchOf(row);
      }
      throw new PortbotError('store-no-watch-id', `no free watch id after ${String(ID_ATTEMPTS)} attempts`);
    });
  }

  async listWatches(place?: WatchPlace): Promise<StoredWatch[]> {
    const rows = await this.context.db
      .select()
      .from(watches)
      .where(place === undefined ? undefined : inPlace(place))
      .orderBy(asc(watches.createdAt), asc(watches.id));
    return rows.map(watchOf);
  }

  async getWatch(id: string): Promise<StoredWatch | undefined> {
    const key = parseJobId(id);
    if (key === undefined) return undefined;
    const [row] = await this.context.db.select().from(watches).where(eq(watches.id, key));
    return row === undefined ? undefined : watchOf(row);
  }

  async deleteWatch(id: string, place?: WatchPlace): Promise<StoredWatch | undefined> {
    const key = parseJobId(id);
    if (key === undefined) return undefined;
    const [row] = await this.context.db
      .delete(watches)
      .where(and(eq(watches.id, key), place === undefined ? undefined : inPlace(place)))
      .returning();
    return row === undefined ? undefined : watchOf(row);
  }

  async pauseWatch(id: string, reason: WatchPauseReason): Promise<boolean> {
    const rows = await this.context.db
      .update(watches)
      .set({ pauseReason: reason, pausedAt: this.context.now() })
      .where(and(eq(watches.id, id), isNull(watches.pauseReason)))
      .returning({ id: watches.id });
    return rows.length > 0;
  }

  async acquireWatchRun(id: string, slot: Date): Promise<boolean> {
    const rows = await this.context.db
      .update(watches)
      .set({ leaseOwner: this.context.instanceId, leaseSlot: slot })
      .where(and(eq(watches.id, id), isNull(watches.pauseReason), or(isNull(watches.lastSlot), lt(watches.lastSlot, slot)), this.leaseFree(slot)))
      .returning({ id: watches.id });
    return rows.length > 0;
  }

  async finishWatchRun(id: string, slot: Date, jobId: string | undefined): Promise<void> {
    await this.context.db.transaction(async (tx) => {
      if (jobId !== undefined) await tx.insert(watchRuns).values({ watchId: id, jobId, slot }).onConflictDoNothing();
      await tx
        .update(watches)
        .set({ lastSlot: sql`greatest(${watches.lastSlot}, ${slot.toISOString()}::timestamptz)`, lastRunAt: this.context.now(), leaseOwner: null, leaseSlot: null })
        .where(and(eq(watches.id, id), eq(watches.leaseOwner, this.context.instanceId)));
    });
  }

  async watchResults(id: string, count: number): Promise<StoredResult[]> {
    const { db } = this.context;
    const rows = await db
      .select({ job: jobs })
      .from(watchRuns)
      .innerJoin(jobs, eq(jobs.id, watchRuns.jobId))
      .where(and(eq(watchRuns.watchId, id), eq(jobs.status, 'done')))
      .orderBy(desc(watchRuns.slot), desc(jobs.createdAt))
      .limit(count);
    if (rows.length === 0) return [];
    const hosts = await db
      .select()
      .from(jobHosts)
      .where(inArray(jobHosts.jobId, rows.map(({ job }) => job.id)))
      .orderBy(asc(jobHosts.position));
    return rows.map(({ job }) => resultOf(job, hosts.filter((host) => host.jobId === job.id).map(hostOf)));
  }

  /**
   * Nobody alive holds the lease for `slot`: no holder; this process holding an older slot (that
   * run ended without finishing); or another instance that is gone (embedded: every other one is,
   * the data directory lock says so; shared: its heartbeat went quiet or it closed), whose
   * unfinished slot may then run again.
   */
  private leaseFree(slot: Date): SQL {
    const { instanceId, exclusive, leaseMs } = this.context;
    const mineOlder = and(eq(watches.leaseOwner, instanceId), lt(watches.leaseSlot, slot));
    const alive = sql`exists (select 1 from ${instances} where ${instances.id} = ${watches.leaseOwner} and ${instances.heartbeatAt} > now() - make_interval(secs => ${leaseMs / 1000}))`;
    const otherGone = exclusive ? ne(watches.leaseOwner, instanceId) : and(ne(watches.leaseOwner, instanceId), sql`not ${alive}`);
    return or(isNull(watches.leaseOwner), mineOlder, otherGone)!;
  }
}

const inPlace = (place: WatchPlace): SQL => and(eq(watches.platform, place.platform), eq(watches.workspaceId, place.workspaceId), eq(watches.channelId, place.channelId))!;

function watchOf(row: WatchRow): StoredWatch {
  return {
    id: row.id,
    place: { platform: row.platform, workspaceId: row.workspaceId, channelId: row.channelId },
    creator: row.creator,
    creatorName: row.creatorName,
    targets: row.targets,
    ports: row.ports,
    protocol: row.protocol,
    schedule: row.schedule,
    timeZone: row.timeZone,
    createdAt: row.createdAt,
    lastSlot: row.lastSlot,
    lastRunAt: row.lastRunAt,
    pauseReason: row.pauseReason,
  };
}
