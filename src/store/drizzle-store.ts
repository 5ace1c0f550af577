// The Store both backends share: the queries are the same SQL over the same schema; a backend
// only brings its Drizzle database, whether it owns its data exclusively, and how to close it.
import { PortbotError } from '../errors.js';
import type { Database } from './database.js';
import { InstanceLease } from './instance-lease.js';
import { JobReader } from './job-reads.js';
import { JobWriter } from './job-writes.js';
import { pruneJobs } from './retention.js';
import type { NewJob, RecordableReport, Store } from './store.js';
import type { HistoryEntry, Job, JobError, JobProgress, Scope, StoredResult } from './types.js';
import { WatchTable } from './watch-records.js';
import type { NewWatch, StoredWatch, WatchPlace } from './watch-types.js';
import type { WatchPauseReason } from '../watch/pause-reason.js';

export interface StoreTuning {
  /** The clock of job times and retention (tests step it); heartbeats use the database's clock. */
  readonly now: () => Date;
  readonly heartbeatMs: number;
  readonly leaseMs: number;
  readonly progressIntervalMs: number;
  /** Failures no caller awaits (a heartbeat, an idle connection dropping): for the log. */
  readonly onBackgroundError: (error: unknown) => void;
}

export interface Backend {
  readonly kind: Store['kind'];
  readonly db: Database;
  readonly exclusive: boolean;
  close(): Promise<void>;
}

export class DrizzleStore implements Store {
  readonly kind: Store['kind'];
  private readonly lease: InstanceLease;
  private readonly writer: JobWriter;
  private readonly reader: JobReader;
  private readonly watchTable: WatchTable;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly backend: Backend,
    private readonly tuning: StoreTuning,
  ) {
    this.kind = backend.kind;
    this.lease = new InstanceLease(backend.db, { ...tuning, exclusive: backend.exclusive, onError: tuning.onBackgroundError });
    this.writer = new JobWriter({ db: backend.db, instanceId: this.lease.id, now: tuning.now, progressIntervalMs: tuning.progressIntervalMs });
    this.reader = new JobReader(backend.db);
    this.watchTable = new WatchTable({ db: backend.db, instanceId: this.lease.id, exclusive: backend.exclusive, leaseMs: tuning.leaseMs, now: tuning.now });
  }

  /** Registers this process as an instance; the schema must be migrated already. */
  static async start(backend: Backend, tuning: StoreTuning): Promise<DrizzleStore> {
    const store = new DrizzleStore(backend, tuning);
    await store.lease.register();
    return store;
  }

  get instanceId(): string {
    return this.lease.id;
  }

  createJob = (job: NewJob): Promise<Job> => this.write('create a job', () => this.writer.createJob(job));
  markRunning = (id: string, total: number): Promise<void> => this.write(`mark job ${id} running`, () => this.writer.markRunning(id, total));
  recordProgress = (id: string, progress: JobProgress): Promise<void> => this.write(`record progress of job ${id}`, () => this.writer.recordProgress(id, progress));
  finishJob = (id: string, report: RecordableReport): Promise<Job> => this.write(`record the result of job ${id}`, () => this.writer.finishJob(id, report));
  failJob = (id: string, error: JobError, status?: 'failed' | 'cancelled'): Promise<Job> => this.write(`end job ${id}`, () => this.writer.failJob(id, error, status));
  markInterrupted = (): Promise<Job[]> => this.write('mark interrupted jobs', () => this.lease.markInterrupted());
  prune = (olderThanDays: number): Promise<number> => this.write('prune old jobs', () => pruneJobs(this.backend.db, this.tuning.now(), olderThanDays));

  getJob = (id: string, scope: Scope): Promise<Job | undefined> => this.read(() => this.reader.getJob(id, scope));
  result = (id: string, scope: Scope): Promise<StoredResult | undefined> => this.read(() => this.reader.result(id, scope));
  history = (target: string, scope: Scope, limit?: number): Promise<HistoryEntry[]> => this.read(() => this.reader.history(target, scope, limit));
  latestResults = (target: string, scope: Scope, count?: number): Promise<StoredResult[]> => this.read(() => this.reader.latestResults(target, scope, count));

  createWatch = (watch: NewWatch): Promise<StoredWatch> => this.write('record the watch', () => this.watchTable.createWatch(watch));
  deleteWatch = (id: string, place?: WatchPlace): Promise<StoredWatch | undefined> => this.write(`stop watch ${id}`, () => this.watchTable.deleteWatch(id, place));
  pauseWatch = (id: string, reason: WatchPauseReason): Promise<boolean> => this.write(`pause watch ${id}`, () => this.watchTable.pauseWatch(id, reason));
  acquireWatchRun = (id: string, slot: Date): Promise<boolean> => this.write(`take the run of watch ${id}`, () => this.watchTable.acquireWatchRun(id, slot));
  finishWatchRun = (id: string, slot: Date, jobId: string | undefined): Promise<void> => this.write(`record the run of watch ${id}`, () => this.watchTable.finishWatchRun(id, slot, jobId));
  listWatches = (place?: WatchPlace): Promise<StoredWatch[]> => this.read(() => this.watchTable.listWatches(place));
  getWatch = (id: string): Promise<StoredWatch | undefined> => this.read(() => this.watchTable.getWatch(id));
  watchResults = (id: string, count: number): Promise<StoredResult[]> => this.read(() => this.watchTable.watchResults(id, count));

  close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        await this.lease.close();
      } catch (error) {
        this.tuning.onBackgroundError(error);
      }
      await this.backend.close();
    })();
    return this.closing;
  }

  /** Database failures become one PortbotError that names what was being written; ours pass through. */
  private async write<T>(what: string, action: () => Promise<T>): Promise<T> {
    this.assertOpen();
    try {
      return await action();
    } catch (error) {
      if (error instanceof PortbotError) throw error;
      throw new PortbotError('store-write-failed', `could not ${what}: ${describe(error)}`, { cause: error });
    }
  }

  private async read<T>(action: () => Promise<T>): Promise<T> {
    this.assertOpen();
    try {
      return await action();
    } catch (error) {
      throw new PortbotError('store-read-failed', `could not read the history: ${describe(error)}`, { cause: error });
    }
  }

  private assertOpen(): void {
    if (this.closing !== undefined) throw new PortbotError('store-closed', 'the store is closed');
  }
}

/** The driver's own words, on one line (drizzle wraps them as "Failed query: …" with the cause inside). */
export function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.split('\n')[0] ?? message;
}
