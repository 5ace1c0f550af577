// The executor seam: where a granted scan runs. In this process now (in-process-executor.ts); on a
// zone's agent through a queue later (issue 17). Everything that crosses it is data: the spec in,
// events out, and cancel as a message, so an executor may live in another process or machine.
import type { Problem } from '../errors.js';
import type { DetectionLimit, Protocol, ScanAddress, ScanProgress, ScanReport } from '../scanner/types.js';

/**
 * What to scan. `checked`: addresses this process resolved and allowed (the scanner connects to
 * exactly these). `typed`: the targets as typed, for an executor whose own policy resolves and
 * checks them where it runs (a zone's agent never trusts the bot's checks).
 */
export type ExecutionTargets =
  | { readonly kind: 'checked'; readonly addresses: readonly ScanAddress[] }
  | { readonly kind: 'typed'; readonly targets: string };

export interface ExecutionRequester {
  readonly platform: 'slack' | 'discord' | 'console' | 'cli';
  readonly userId: string;
  readonly workspaceId?: string;
  readonly channelId?: string;
}

/** One job for an executor; serialisable (JSON) as it stands. */
export interface ExecutionSpec {
  readonly jobId: string;
  readonly targets: ExecutionTargets;
  /** Who asked, by platform ids only: for the audit trail of an executor elsewhere (typed targets). */
  readonly requester?: ExecutionRequester;
  /** The port list as a spec (`parsePortSpec`'s input: "22,80", "1-1024", "common", "U:53"). */
  readonly ports: string;
  /** The protocol of items without a T:/U: prefix. */
  readonly protocol: Protocol;
  readonly options: {
    /** Service detection on open TCP ports. */
    readonly services: boolean;
    /** Port-scan every address without discovering first (nmap -Pn). */
    readonly allHosts: boolean;
    /** Detection after the scan when it is small enough (ScanOptions.detectLimit); absent: only `services` decides. */
    readonly detectLimit?: DetectionLimit;
  };
}

/**
 * What an executor reports, in order: `started` once the scan begins, `progress` now and then (at
 * most a few a second), `detecting` when service detection starts after the scan, then exactly one of `refused` (the executor's own policy said no),
 * `result` (done, or cancelled with what finished: `report.cancelled`) or `failed`.
 * `result.report` is the scanner's report; across a process boundary send `encodeReport(report)`
 * and rebuild it with `decodeReport` (report-transport.ts).
 */
export type ExecutionEvent =
  | { readonly kind: 'started'; readonly addresses: readonly ScanAddress[]; readonly totalPorts: number }
  | ({ readonly kind: 'progress' } & ScanProgress)
  | { readonly kind: 'detecting'; readonly ports: number }
  | { readonly kind: 'refused'; readonly problem: Problem }
  | { readonly kind: 'result'; readonly report: ScanReport }
  | { readonly kind: 'failed'; readonly code: string; readonly message: string };

export type TerminalEvent = Extract<ExecutionEvent, { kind: 'refused' | 'result' | 'failed' }>;

export interface Executor {
  /** Runs one job. The iterable ends after its terminal event; it never throws (a failure is an event). */
  execute(spec: ExecutionSpec): AsyncIterable<ExecutionEvent>;
  /** Asks the job to stop. Its `result` (cancelled, with what finished) still follows. Unknown ids are ignored. */
  cancel(jobId: string): void;
}

export const isTerminal = (event: ExecutionEvent): event is TerminalEvent => event.kind === 'refused' || event.kind === 'result' || event.kind === 'failed';
