// What the scan service, history, diff and (later) watches need from persistence. Two stores
// implement it over one Drizzle schema: PGlite embedded in PORTBOT_DATA_DIR, and PostgreSQL at
// PORTBOT_DATABASE_URL. Writes take ids from the scan service; every read takes a Scope.
import type { HostStatus, StateSummary } from '../scanner/types.js';
import type { RecordablePort } from './port-sheet.js';
import type { HistoryEntry, Job, JobError, JobProgress, JobRequest, Requester, Scope, StoredResult, Visibility } from './types.js';
import type { WatchRecords } from './watch-types.js';

export interface NewJob {
  /**
   * The id the scan service already showed (it draws ids before the store is open, newJobId); used
   * when free, else a fresh one is drawn, and the returned job says which.
   */
  readonly id?: string;
  readonly requester: Requester;
  readonly visibility: Visibility;
  readonly request: JobRequest;
}

/** One host of a finished scan as the scanner reports it (HostReport). */
export interface RecordableHost {
  readonly target: string;
  readonly address: string;
  /** Every scanned port, ascending per protocol (a PortResultList or an array). */
  readonly ports: Iterable<RecordablePort>;
  readonly summary: StateSummary;
  readonly status?: HostStatus;
}

/** A finished scan (the scanner's ScanReport fits). `cancelled`: the job ends `cancelled`, with what finished. */
export interface RecordableReport {
  readonly hosts: readonly RecordableHost[];
  readonly durationMs: number;
  readonly cancelled: boolean;
}

/** Jobs and history here; watches (watch-types.ts) in the same database. */
export interface Store extends WatchRecords {
  readonly kind: 'embedded' | 'postgres';
  /** This process's id in the `instances` table: the owner of the jobs it creates. */
  readonly instanceId: string;

  /** Records a new `queued` job with a fresh short id, owned by this process. */
  createJob(job: NewJob): Promise<Job>;
  /** `queued` → `running`; `total` is the number of ports to probe. */
  markRunning(id: string, total: number): Promise<void>;
  /**
   * Progress of a running job. Cheap to call on every scanner progress event: it writes at most
   * once per `progressIntervalMs` per job (and always when done === total); calls in between are skipped.
   */
  recordProgress(id: string, progress: JobProgress): Promise<void>;
  /** Stores the result and the final status (`done`, or `cancelled` for a stopped scan) in one transaction. */
  finishJob(id: string, report: RecordableReport): Promise<Job>;
  /** Ends a job without a result: `failed` (an error), or `cancelled` before it ran. */
  failJob(id: string, error: JobError, status?: 'failed' | 'cancelled'): Promise<Job>;
  /**
   * Marks `interrupted` every queued or running job whose owning process is gone: another process
   * of this embedded store's data directory (it holds the lock, so every earlier one is gone), or,
   * on PostgreSQL, an instance whose heartbeat is older than the lease or whose PID no longer runs
   * on this host. Returns those jobs so their requesters can be told. Call at start, and at will.
   */
  markInterrupted(): Promise<Job[]>;

  /** A job by id (any case), or undefined when it does not exist or the scope may not see it. */
  getJob(id: string, scope: Scope): Promise<Job | undefined>;
  /** A job's stored result (every host), or undefined when absent, unfinished or not visible. */
  result(id: string, scope: Scope): Promise<StoredResult | undefined>;
  /**
   * Jobs that scanned `target` (a request target as typed, a host's name or address; any case),
   * newest first, whatever their status, at most `limit` (default 10).
   */
  history(target: string, scope: Scope, limit?: number): Promise<HistoryEntry[]>;
  /**
   * The newest `count` (default 2) `done` results for `target`, newest first, each holding only the
   * hosts that match the target (all hosts when it matched a request target only). The diff input.
   */
  latestResults(target: string, scope: Scope, count?: number): Promise<StoredResult[]>;
  /** Deletes finished jobs created more than `olderThanDays` days ago (never an unfinished one); returns how many. */
  prune(olderThanDays: number): Promise<number>;
  /** Stops the heartbeat, releases the data directory (embedded) or the pool (PostgreSQL). */
  close(): Promise<void>;
}

/** Why a store could not open: one line for the operator, the cause for the logs. */
export interface StoreProblem {
  readonly code: 'store-locked' | 'store-unavailable' | 'store-schema';
  readonly message: string;
  readonly cause?: unknown;
}
