// One host's TCP connect scan: a pump that keeps up to the concurrency share of attempts in
// flight, one deadline sweep for all of them (not a timer per socket), retries of unanswered
// probes as timing.ts allows, and a pause-and-retry when the machine runs out of sockets.
// Callbacks throughout: a Promise per port costs more than the connect itself on loopback.
import { PortbotError } from '../../errors.js';
import { HostScanRun } from '../host-scan-run.js';
import { PortVerdicts } from '../port-verdicts.js';
import type { HostProbeOptions, PortReason, PortState, ScanAddress } from '../types.js';
import type { Connector } from './connector.js';
import { Fifo } from './fifo.js';
import { InflightList } from './inflight.js';
import { localClaims, type PortClaims } from './port-claims.js';
import { RttEstimator } from './rtt.js';
import { triesAllowed, type HostEvidence, type TcpTiming } from './timing.js';
import { verdictFor } from './verdict.js';

/** After this many local-resource failures in a row with nothing in flight, the machine is broken. */
const RESOURCE_FAILURE_LIMIT = 30;
const MAX_BACKOFF_MS = 1000;

export interface TcpHostScanSettings {
  readonly connector: Connector;
  readonly timing: TcpTiming;
  /** Most sockets this scan may hold regardless of its share (the open-file limit). */
  readonly socketCeiling: number;
  /** Names ports when their results are read, after the scan. A scanner thread passes none: it must not load the IANA tables. */
  readonly serviceOf?: (port: number) => string | null;
  /** Which ports to start; threads scanning one host share theirs. Default: every port, in order. */
  readonly claims?: PortClaims;
}

const unnamed = (): null => null;

export class TcpHostScan extends HostScanRun {
  /** Counted tries per port; a port's current attempt is try number tries[index] - 1. */
  private readonly tries: Uint8Array;
  private readonly rtt: RttEstimator;
  private readonly inflight: InflightList;
  private readonly retries = new Fifo<number>();
  /** Ports bounced by EMFILE and the like: first in line once the pause is over. */
  private readonly bounced: number[] = [];
  private readonly claims: PortClaims;
  /** Ports this scan has started and not yet given a final state. */
  private unfinished = 0;
  private evidence: HostEvidence = { answered: false, deepestAnsweredTry: -1 };
  private resourceCap = Number.POSITIVE_INFINITY;
  private backoffMs = 0;
  private pausedUntil = 0;
  private resourceFailures = 0;
  private resumeTimer: NodeJS.Timeout | null = null;
  /** One callback for every attempt: the attempt's id is its port's index. */
  private readonly onConnect = (index: number, code: string | null, selfConnect: boolean): void => this.settle(index, code, selfConnect);

  private readonly connector: Connector;
  private readonly timing: TcpTiming;
  private readonly socketCeiling: number;

  constructor(
    private readonly target: ScanAddress,
    /** Sorted, unique. */
    private readonly ports: readonly number[],
    options: HostProbeOptions,
    settings: TcpHostScanSettings,
  ) {
    super(options, new PortVerdicts('tcp', ports, settings.serviceOf ?? unnamed));
    this.connector = settings.connector;
    this.timing = settings.timing;
    this.socketCeiling = settings.socketCeiling;
    this.claims = settings.claims ?? localClaims(ports.length);
    this.tries = new Uint8Array(ports.length);
    this.inflight = new InflightList(ports.length);
    this.rtt = new RttEstimator(this.timing.timeout);
    if (options.initialRttMs !== undefined) this.rtt.record(options.initialRttMs);
  }

  protected pump(): void {
    if (this.stopped) return;
    const pause = this.pausedUntil - performance.now();
    if (pause > 0) return this.resumeAfter(pause);
    while (!this.stopped) {
      const share = Math.max(1, this.options.concurrency.current());
      if (this.inflight.count >= Math.min(share, this.socketCeiling, this.resourceCap)) break;
      const index = this.nextIndex();
      if (index === undefined) break;
      this.launch(index);
      if (performance.now() < this.pausedUntil) break;
    }
    if (this.claims.exhausted && this.unfinished === 0) this.stop();
    else this.armSweep();
  }

  private nextIndex(): number | undefined {
    const bounced = this.bounced.pop();
    if (bounced !== undefined) return bounced;
    const retry = this.retries.shift();
    if (retry !== undefined) return retry;
    const fresh = this.claims.next();
    if (fresh !== undefined) this.unfinished++;
    return fresh;
  }

  private launch(index: number): void {
    this.tries[index] = this.tries[index]! + 1;
    const { address, family } = this.target;
    const startedAt = performance.now();
    const started = this.connector.connect(address, family, this.ports[index]!, index, this.onConnect);
    // A string: failed before anything was sent (no route, no descriptors); the outcome is known now.
    if (typeof started === 'string') this.judge(index, started, false, null);
    else this.inflight.add(index, started, startedAt);
  }

  private settle(index: number, code: string | null, selfConnect: boolean): void {
    if (this.stopped || this.inflight.remove(index) === undefined) return;
    this.judge(index, code, selfConnect, performance.now() - this.inflight.startedAt[index]!);
    this.pump();
  }

  /** Turns one attempt's outcome into a result, a retry or a pause. `rttMs` is null when nothing was sent. */
  private judge(index: number, code: string | null, selfConnect: boolean, rttMs: number | null): void {
    if (code === null) {
      this.resourceFailures = 0;
      // Connected to itself (loopback, source port == target port): says nothing; try again.
      if (selfConnect) return this.requeueUncounted(index, false);
      return this.answered(index, 'open', 'syn-ack', rttMs);
    }
    const verdict = verdictFor(code);
    if (verdict.kind === 'local-resource') return this.resourceFailure(index);
    this.resourceFailures = 0;
    if (verdict.kind === 'final') {
      if (rttMs === null) return this.finalize(index, verdict.state, verdict.reason, null);
      return this.answered(index, verdict.state, verdict.reason, rttMs);
    }
    this.unanswered(index);
  }

  private answered(index: number, state: PortState, reason: PortReason, rttMs: number | null): void {
    if (rttMs !== null) this.rtt.record(rttMs);
    if (this.resourceCap !== Number.POSITIVE_INFINITY) this.resourceCap++;
    this.backoffMs = 0;
    const tryIndex = this.tries[index]! - 1;
    if (!this.evidence.answered || tryIndex > this.evidence.deepestAnsweredTry) {
      this.evidence = { answered: true, deepestAnsweredTry: Math.max(this.evidence.deepestAnsweredTry, tryIndex) };
    }
    this.finalize(index, state, reason, rttMs);
  }

  private unanswered(index: number): void {
    if (this.tries[index]! < triesAllowed(this.timing, this.evidence)) this.retries.push(index);
    else this.finalize(index, 'filtered', 'no-response', null);
  }

  private requeueUncounted(index: number, front: boolean): void {
    this.tries[index] = this.tries[index]! - 1;
    if (front) this.bounced.push(index);
    else this.retries.push(index);
  }

  private resourceFailure(index: number): void {
    this.requeueUncounted(index, true);
    this.resourceFailures++;
    if (this.inflight.count === 0 && this.resourceFailures > RESOURCE_FAILURE_LIMIT) {
      return this.fail(new PortbotError('scanner-no-sockets', 'the scanner cannot open sockets: the machine is out of descriptors, buffers or source ports'));
    }
    // Hold fewer sockets than we had when the kernel said no, and give it a moment to recover.
    this.resourceCap = Math.max(1, Math.floor(this.inflight.count * 0.75));
    this.backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(5, this.backoffMs * 2));
    this.pausedUntil = performance.now() + this.backoffMs;
    this.resumeAfter(this.backoffMs);
  }

  private resumeAfter(delayMs: number): void {
    // Timers may fire a fraction of a millisecond early; pump() then re-arms for the rest.
    this.resumeTimer ??= setTimeout(() => {
      this.resumeTimer = null;
      this.pump();
    }, Math.ceil(delayMs));
  }

  private finalize(index: number, state: PortState, reason: PortReason, rttMs: number | null): void {
    if (this.record(index, state, reason, rttMs)) this.unfinished--;
  }

  /** One timer for every deadline: attempts are kept in start order, so the oldest expires first. */
  private armSweep(): void {
    if (this.sweepArmed || this.stopped) return;
    const oldest = this.inflight.oldest();
    if (oldest === undefined) return;
    this.sweepAfter(Math.max(0, this.inflight.startedAt[oldest]! + this.rtt.timeoutMs - performance.now()));
  }

  protected expire(): void {
    const now = performance.now();
    const timeout = this.rtt.timeoutMs;
    for (let index = this.inflight.oldest(); index !== undefined; index = this.inflight.oldest()) {
      if (now - this.inflight.startedAt[index]! < timeout) break;
      this.connector.abort(this.inflight.remove(index)!);
      this.unanswered(index);
    }
    this.pump();
  }

  protected release(): void {
    for (const pending of this.inflight.drain()) this.connector.abort(pending);
    if (this.resumeTimer !== null) clearTimeout(this.resumeTimer);
    this.resumeTimer = null;
  }
}
