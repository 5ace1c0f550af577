// The scan service's vocabulary: a request, who asked and where, the job it becomes, and the
// events and outcome its front-ends (chat router, console, CLI, later watches) read. All data.
import type { Problem } from '../errors.js';
import type { Requester } from '../policy/types.js';
import type { HistoryNote } from '../report/since-line.js';
import type { DetectionLimit, ScanAddress, ScanProgress, ScanReport } from '../scanner/types.js';
import type { JobStatus, Visibility } from '../store/types.js';

export type { HistoryNote, SinceLast } from '../report/since-line.js';

export interface ScanRequest {
  /** Comma-separated targets as typed, in the order typed; the policy normalises and resolves them. */
  readonly targets: string;
  /** The port list as typed; undefined means the common ports. */
  readonly ports: string | undefined;
  readonly udp: boolean;
  /** The command as typed, for the audit trail. */
  readonly text: string;
  /** Service detection on the open TCP ports. */
  readonly services?: boolean;
  /** Port-scan every address without discovering first (nmap -Pn). */
  readonly allHosts?: boolean;
  /** Service detection after the scan, decided by its size (the chat's default, PORTBOT_DETECT_MAX_PORTS). */
  readonly detectLimit?: DetectionLimit;
}

/** Who asked and where: the requester (platform ids; the place is its workspace and channel) and who may see the result. */
export interface ScanOrigin {
  readonly requester: Requester;
  /** `requester`: a private scan, seen (and listed in history) only by whoever asked. */
  readonly visibility: Visibility;
  /** Display name for history lines; never used to decide anything. */
  readonly userName?: string;
}

export interface SubmitOptions {
  /** Record the job in history (default true). The CLI records only with --save. */
  readonly record?: boolean;
}

/** A job as the service holds it in memory (the store keeps the same record, docs/store.md). */
export interface ScanJob {
  /** Short id a person can type (`s7k2q`); also the id a Cancel button carries. */
  readonly id: string;
  readonly origin: ScanOrigin;
  readonly request: ScanRequest;
  readonly status: JobStatus;
  readonly progress: ScanProgress | null;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

export type JobOutcome =
  | { readonly kind: 'report'; readonly report: ScanReport; readonly history: HistoryNote }
  | { readonly kind: 'problem'; readonly problem: Problem }
  | { readonly kind: 'failed'; readonly code: string; readonly message: string };

/** What a job's reader sees while it runs; the outcome comes through `SubmittedJob.outcome`. */
export type JobEvent =
  | { readonly kind: 'started'; readonly jobId: string; readonly addresses: readonly ScanAddress[]; readonly totalPorts: number }
  | { readonly kind: 'progress'; readonly jobId: string; readonly progress: ScanProgress }
  | { readonly kind: 'detecting'; readonly jobId: string; readonly ports: number };

/** Whether recording ended well, known once the last write settled (the CLI's --save waits for it). */
export type RecordOutcome = { readonly ok: true; readonly jobId: string } | { readonly ok: false; readonly message: string } | { readonly ok: 'off' };

export interface SubmittedJob {
  readonly id: string;
  /** `started`, then `progress` (a few a second at most); ends when the job ends. One reader. */
  readonly events: AsyncIterable<JobEvent>;
  /** Exactly one outcome per job, whatever happens (never rejects). */
  readonly outcome: Promise<JobOutcome>;
  /** Settles when the job's last write to history settled (never rejects). */
  readonly recorded: Promise<RecordOutcome>;
  /**
   * The outcome's history note without the answer's time bound: what changed since the last scan,
   * once the store opened and the job is written (the CLI's --save prints it after the result).
   */
  readonly history: Promise<HistoryNote>;
}

export type CancelOutcome = 'cancelled' | 'not-owner' | 'unknown';
