// One host's TCP connect scan: a pump that keeps up to the concurrency share of attempts in
// flight, one deadline sweep for all of them (not a timer per socket), retries of unanswered
// probes as timing.ts allows, and a pause-and-retry when the machine runs out of sockets.
// Callbacks throughout: a Promise per port costs more than the connect itself on loopback.
import { PortbotError } from '../../errors.js';
import { serviceName } from '../../knowledge/lookup.js';
import type { HostProbeOptions, PortReason, PortResult, PortState, ScanAddress } from '../types.js';
import type { AbortConnect, ConnectOutcome, Connector } from './connector.js';
import { Fifo } from './fifo.js';
import { RttEstimator } from './rtt.js';
import { triesAllowed, type HostEvidence, type TcpTiming } from './timing.js';
import { verdictFor } from './verdict.js';

interface Probe {
  readonly index: number;
  readonly tryIndex: number;
  readonly startedAt: number;
  abort: AbortConnect | null;
  settled: boolean;
}

/** After this many local-resource failures in a row with nothing in flight, the machine is broken. */
const RESOURCE_FAILURE_LIMIT = 30;
const MAX_BACKOFF_MS = 1000;

export class TcpHostScan {
  private readonly results: (PortResult | undefined)[];
  private readonly tries: Uint8Array;
  private readonly rtt: RttEstimator;
  private readonly inflight = new Fifo<Probe>();
  private readonly retries = new Fifo<number>();
  /** Ports bounced by EMFILE and the like: first in line once the pause is over. */
  private readonly bounced: number[] = [];
  private inflightCount = 0;
  private nextFresh = 0;
  private remaining: number;
  private evidence: HostEvidence = { answered: false, deepestAnsweredTry: -1 };
  private resourceCap = Number.POSITIVE_INFINITY;
  private backoffMs = 0;
  private pausedUntil = 0;
  private resourceFailures = 0;
  private sweepTimer: NodeJS.Timeout | null = null;
  private resumeTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly onAbort = (): void => this.stop();
  private resolve: (results: PortResult[]) => void = () => undefined;
  private reject: (error: unknown) => void = () => undefined;

  constructor(
    private readonly target: ScanAddress,
    /** Sorted, unique. */
    private readonly ports: readonly number[],
    private readonly options: HostProbeOptions,
    private readonly connector: Connector,
    private readonly timing: TcpTiming,
    /** Most sockets this scan may hold regardless of its share (the open-file limit). */
    private readonly socketCeiling: number,
  ) {
    this.results = new Array<PortResult | undefined>(ports.length);
    this.tries = new Uint8Array(ports.length);
    this.rtt = new RttEstimator(timing.timeout);
    this.remaining = ports.length;
  }

  run(): Promise<PortResult[]> {
    return new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
      const { signal } = this.options;
      if (signal?.aborted === true) return this.stop();
      signal?.addEventListener('abort', this.onAbort, { once: true });
      this.pump();
    });
  }

  private pump(): void {
    if (this.stopped) return;
    const pause = this.pausedUntil - performance.now();
    if (pause > 0) return this.resumeAfter(pause);
    while (!this.stopped) {
      const share = Math.max(1, this.options.concurrency.current());
      if (this.inflightCount >= Math.min(share, this.socketCeiling, this.resourceCap)) break;
      const index = this.nextIndex();
      if (index === undefined) break;
      this.launch(index);
      if (performance.now() < this.pausedUntil) break;
    }
    // Settled probes leave the queue as soon as they reach its head, so their sockets can be freed.
    while (this.inflight.peek()?.settled === true) this.inflight.shift();
    if (this.remaining === 0) this.stop();
    else this.armSweep();
  }

  private nextIndex(): number | undefined {
    const bounced = this.bounced.pop();
    if (bounced !== undefined) return bounced;
    const retry = this.retries.shift();
    if (retry !== undefined) return retry;
    return this.nextFresh < this.ports.length ? this.nextFresh++ : undefined;
  }

  private launch(index: number): void {
    const probe: Probe = { index, tryIndex: this.tries[index]!, startedAt: performance.now(), abort: null, settled: false };
    this.tries[index] = probe.tryIndex + 1;
    const { address, family } = this.target;
    const started = this.connector.connect(address, family, this.ports[index]!, (outcome) => this.settle(probe, outcome));
    if (typeof started === 'string') {
      // Failed before anything was sent (no route, no descriptors): the outcome is known now.
      probe.settled = true;
      this.judge(probe, { kind: 'failed', code: started }, null);
      return;
    }
    probe.abort = started;
    this.inflight.push(probe);
    this.inflightCount++;
  }

  private settle(probe: Probe, outcome: ConnectOutcome): void {
    if (probe.settled || this.stopped) return;
    probe.settled = true;
    probe.abort = null;
    this.inflightCount--;
    this.judge(probe, outcome, performance.now() - probe.startedAt);
    this.pump();
  }

  /** Turns one attempt's outcome into a result, a retry or a pause. `rttMs` is null when nothing was sent. */
  private judge(probe: Probe, outcome: ConnectOutcome, rttMs: number | null): void {
    if (outcome.kind === 'connected') {
      this.resourceFailures = 0;
      // Connected to itself (loopback, source port == target port): says nothing; try again.
      if (outcome.selfConnect) return this.requeueUncounted(probe.index, false);
      return this.answered(probe, 'open', 'syn-ack', rttMs);
    }
    const verdict = verdictFor(outcome.code);
    if (verdict.kind === 'local-resource') return this.resourceFailure(probe.index);
    this.resourceFailures = 0;
    if (verdict.kind === 'final') {
      if (rttMs === null) return this.finalize(probe.index, verdict.state, verdict.reason, null);
      return this.answered(probe, verdict.state, verdict.reason, rttMs);
    }
    this.unanswered(probe);
  }

  private answered(probe: Probe, state: PortState, reason: PortReason, rttMs: number | null): void {
    if (rttMs !== null) this.rtt.record(rttMs);
    if (this.resourceCap !== Number.POSITIVE_INFINITY) this.resourceCap++;
    this.backoffMs = 0;
    const deepest = Math.max(this.evidence.deepestAnsweredTry, probe.tryIndex);
    this.evidence = { answered: true, deepestAnsweredTry: deepest };
    this.finalize(probe.index, state, reason, rttMs);
  }

  private unanswered(probe: Probe): void {
    if (probe.tryIndex + 1 < triesAllowed(this.timing, this.evidence)) this.retries.push(probe.index);
    else this.finalize(probe.index, 'filtered', 'no-response', null);
  }

  private requeueUncounted(index: number, front: boolean): void {
    this.tries[index] = this.tries[index]! - 1;
    if (front) this.bounced.push(index);
    else this.retries.push(index);
  }

  private resourceFailure(index: number): void {
    this.requeueUncounted(index, true);
    this.resourceFailures++;
    if (this.inflightCount === 0 && this.resourceFailures > RESOURCE_FAILURE_LIMIT) {
      return this.fail(new PortbotError('scanner-no-sockets', 'the scanner cannot open sockets: the machine is out of descriptors, buffers or source ports'));
    }
    // Hold fewer sockets than we had when the kernel said no, and give it a moment to recover.
    this.resourceCap = Math.max(1, Math.floor(this.inflightCount * 0.75));
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
    if (this.results[index] !== undefined) return;
    const port = this.ports[index]!;
    const rounded = rttMs === null ? null : Math.round(rttMs * 100) / 100;
    const result: PortResult = { port, protocol: 'tcp', state, reason, service: serviceName(port, 'tcp'), rttMs: rounded };
    this.results[index] = result;
    this.remaining--;
    try {
      this.options.onResult(result);
    } catch (error) {
      this.fail(error);
    }
  }

  /** One timer for every deadline: in-flight probes sit in start order, so the head expires first. */
  private armSweep(): void {
    if (this.sweepTimer !== null || this.stopped) return;
    const head = this.inflight.peek();
    if (head === undefined) return;
    const delay = Math.max(0, head.startedAt + this.rtt.timeoutMs - performance.now());
    this.sweepTimer = setTimeout(() => {
      // Decide after this turn's I/O poll: an answer already waiting in the kernel is read first
      // instead of being mistaken for a timeout because the event loop was busy.
      setImmediate(() => {
        this.sweepTimer = null;
        this.expire();
      });
    }, delay);
  }

  private expire(): void {
    if (this.stopped) return;
    const now = performance.now();
    const timeout = this.rtt.timeoutMs;
    for (let head = this.inflight.peek(); head !== undefined; head = this.inflight.peek()) {
      if (!head.settled) {
        if (now - head.startedAt < timeout) break;
        head.settled = true;
        head.abort?.();
        this.inflightCount--;
        this.unanswered(head);
      }
      this.inflight.shift();
    }
    this.pump();
  }

  private halt(): void {
    this.stopped = true;
    this.options.signal?.removeEventListener('abort', this.onAbort);
    for (const probe of this.inflight.toArray()) {
      if (probe.settled) continue;
      probe.settled = true;
      probe.abort?.();
    }
    this.inflightCount = 0;
    if (this.sweepTimer !== null) clearTimeout(this.sweepTimer);
    if (this.resumeTimer !== null) clearTimeout(this.resumeTimer);
    this.sweepTimer = null;
    this.resumeTimer = null;
  }

  /** Ends the scan (done or cancelled), closing every socket still open; resolves with what finished. */
  private stop(): void {
    if (this.stopped) return;
    this.halt();
    this.resolve(this.results.filter((result): result is PortResult => result !== undefined));
  }

  private fail(error: unknown): void {
    if (this.stopped) return;
    this.halt();
    this.reject(error);
  }
}
