// The job record: what portbot remembers of every scan, and the compact form of its result. These
// are the types callers see; schema.ts maps them to tables, port-sheet.ts builds the result form.
import type { DetectedService, HostStatus, PortReason, PortState, Protocol, StateSummary } from '../scanner/types.js';

/** Where a request came from. `cli` and `console` run as the operator. */
export type Platform = 'slack' | 'discord' | 'console' | 'cli';

/**
 * Who asked, and where. Ids are the platform's own (never display names), so a renamed channel or
 * user keeps its history. `workspaceId` is the Slack workspace (team) or Discord guild; '' where the
 * platform has none (a Discord DM, the console, the CLI). `channelId` is '' for the CLI.
 */
export interface Requester {
  readonly platform: Platform;
  readonly workspaceId: string;
  readonly channelId: string;
  readonly userId: string;
  /** Display name at the time of the request, for history lines only; never used to decide anything. */
  readonly userName?: string;
}

/** `channel`: everyone in the channel where it was asked may see it. `requester`: only the person who asked (a private scan). */
export type Visibility = 'channel' | 'requester';

/** The request as the person typed it (the parsed form lives in the scan service, not here). */
export interface JobRequest {
  /** Targets as typed, e.g. ["web-1", "10.0.0.0/30"]. */
  readonly targets: readonly string[];
  /** Port spec as typed ("22,80,443", "1-1024", "common"); null for the default set. */
  readonly ports: string | null;
  readonly protocol: Protocol;
}

/**
 * `queued` → `running` → `done` | `failed` | `cancelled`. `interrupted`: the process that owned a
 * queued or running job died before finishing it (set by `Store.markInterrupted`).
 */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';

export const JOB_STATUSES: readonly JobStatus[] = ['queued', 'running', 'done', 'failed', 'cancelled', 'interrupted'];

/** Ports finished so far, of how many, and how many of them are open. */
export interface JobProgress {
  readonly done: number;
  readonly total: number;
  readonly open: number;
}

export interface JobError {
  /** A stable code (a PortbotError's code, `interrupted`, …) for programs. */
  readonly code: string;
  /** One line for people. */
  readonly message: string;
}

/** One job as stored, without its per-port result (that is `StoredResult`, read separately). */
export interface Job {
  /** Short id a person can type: a letter and four or more of [0-9a-z] without i, l, o, u (e.g. `s7k2q`). */
  readonly id: string;
  readonly requester: Requester;
  readonly visibility: Visibility;
  readonly request: JobRequest;
  readonly status: JobStatus;
  readonly progress: JobProgress;
  readonly createdAt: Date;
  /** Set by markRunning (or finishJob for a job that never ran). */
  readonly startedAt: Date | null;
  /** Set when the job reaches a final status. */
  readonly finishedAt: Date | null;
  /** Set for `failed`, `interrupted` (and a cancel with a reason). */
  readonly error: JobError | null;
  /** Ports per state over every host of the result; null until the job has a result. */
  readonly summary: StateSummary | null;
  /** The scanner's own duration; null until finished. */
  readonly durationMs: number | null;
}

/** A port kept one by one in a stored result: every open port, and every port outside the folded group. */
export interface StoredPort {
  readonly port: number;
  readonly state: PortState;
  readonly reason: PortReason;
  readonly service: string | null;
  readonly rttMs: number | null;
  /** What answered (name, product, version, tls, findings); absent when not detected. */
  readonly detected?: DetectedService;
}

/**
 * One protocol's ports on one host, folded the way nmap folds "Not shown: 65532 closed tcp ports
 * (conn-refused)": the ranges say which ports were scanned, `folded` the state and reason most
 * non-open ports share, `listed` every other port. A port's state is its listed entry, else the
 * folded state when the ranges cover it, else "not scanned". A full-range scan with three open
 * ports is one range, one folded group and three listed ports (see docs/store.md).
 */
export interface PortSheet {
  /** Scanned ports as sorted, disjoint, inclusive [first, last] pairs. */
  readonly ranges: readonly (readonly [number, number])[];
  /** The most common (state, reason) among non-open ports, and how many ports it covers; null when every port is listed. */
  readonly folded: { readonly state: PortState; readonly reason: PortReason; readonly count: number } | null;
  /** Every scanned port not in the folded group, sorted by port. Open ports are always here. */
  readonly listed: readonly StoredPort[];
}

/** One host of a stored result. */
export interface StoredHost {
  /** The target as the scan named it (hostname, or the address). */
  readonly target: string;
  readonly address: string;
  readonly summary: StateSummary;
  /** Host status (up/down, reason, latency); null when the scan did not report one. */
  readonly status: HostStatus | null;
  readonly sheets: Readonly<Partial<Record<Protocol, PortSheet>>>;
}

/** A finished job's result as the diff and the history read it. */
export interface StoredResult {
  readonly id: string;
  readonly status: JobStatus;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  readonly hosts: readonly StoredHost[];
}

/**
 * Who may read: the operator (CLI, console) reads everything; a chat reader reads the jobs asked
 * in the same platform, workspace and channel, except `requester` jobs of someone else. Nothing is
 * ever visible across platforms, workspaces or channels. See docs/store.md, "Who sees what".
 */
export type Scope =
  | { readonly kind: 'operator' }
  | {
      readonly kind: 'chat';
      readonly platform: Platform;
      readonly workspaceId: string;
      readonly channelId: string;
      readonly userId: string;
      /**
       * Only `channel`-visible jobs, even the reader's own private ones: for what a public answer
       * shows (a scan's "since the last scan" line in the channel must not reveal a private scan).
       */
      readonly channelOnly?: boolean;
    };

export const OPERATOR_SCOPE: Scope = { kind: 'operator' };

/** One line of `history(target)`: a job and its hosts that match the target. */
export interface HistoryEntry {
  readonly job: Job;
  /** Hosts whose target or address is the name asked for (every host when the name only matched a request target, e.g. a CIDR). */
  readonly hosts: readonly { readonly target: string; readonly address: string; readonly summary: StateSummary }[];
}
