// One host's UDP scan (nmap -sU), in two phases:
//  1. Sweep: one probe per port, up to the concurrency share in flight, one deadline timer for
//     all of them. Answers and ICMP errors settle ports; the silent ones wait for phase 2.
//  2. Confirm: the silent ports go again in batches paced to the target's ICMP rate, each batch
//     ending with a canary port (icmp-evidence.ts), until each is proven silent
//     (open|filtered) or answers. This is what keeps closed ports behind a rate limit closed.
// Callbacks throughout, as in the TCP prober: no promise or timer per port.
import { HostScanRun } from '../host-scan-run.js';
import { PortVerdicts } from '../port-verdicts.js';
import { Fifo } from '../tcp/fifo.js';
import { RttEstimator } from '../tcp/rtt.js';
import type { HostProbeOptions, PortReason, PortState, ScanAddress } from '../types.js';
import { sendDatagrams, type CloseProbe, type DatagramOutcome } from './datagram.js';
import { IcmpPacer, provenSilent, type BatchOutcome } from './icmp-evidence.js';
import { udpVerdictFor } from './icmp-verdict.js';
import { payloadsFor } from './payloads/index.js';
import type { UdpTiming } from './timing.js';

interface Probe {
  readonly index: number;
  readonly startedAt: number;
  close: CloseProbe | null;
  outcome: BatchOutcome | null;
}

interface Batch {
  readonly members: readonly Probe[];
  readonly canary: Probe | null;
  readonly bucketFull: boolean;
}

const MAX_BACKOFF_MS = 1000;
/**
 * Names are looked up when the report is read, after the scan: a first lookup may load tables,
 * and an event loop blocked while answers wait would inflate the round-trip times the timeouts follow.
 */
function udpNames(options: HostProbeOptions): (port: number) => string | null {
  const namer = options.serviceNames;
  return namer === undefined ? () => null : (port) => namer(port, 'udp');
}

export class UdpHostScan extends HostScanRun {
  private readonly rtt: RttEstimator;
  private readonly pacer: IcmpPacer;
  private readonly inflight = new Fifo<Probe>();
  private inflightCount = 0;
  private phase: 'sweep' | 'confirm' = 'sweep';
  private nextFresh = 0;
  /** Ports bounced by EMFILE and the like: sent again once the pause is over. */
  private readonly bounced: number[] = [];
  /** Silent ports waiting for proof, in port order during the confirm phase. */
  private silent: number[] = [];
  /** A port known to draw ICMP errors from this target, or -1. */
  private canary = -1;
  private icmpSeen = false;
  private batch: Batch | null = null;
  private lastBatchAt = 0;
  private lastProgressAt = 0;
  private readonly startedAt = performance.now();
  private resourceCap = Number.POSITIVE_INFINITY;
  private backoffMs = 0;
  private waitTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly target: ScanAddress,
    /** Sorted, unique. */
    private readonly ports: readonly number[],
    options: HostProbeOptions,
    private readonly timing: UdpTiming,
    /** Most sockets this scan may hold regardless of its share (the open-file limit). */
    private readonly socketCeiling: number,
  ) {
    super(options, new PortVerdicts('udp', ports, udpNames(options)));
    this.rtt = new RttEstimator(timing.timeout);
    this.pacer = new IcmpPacer(timing.pace);
  }

  private share(): number {
    return Math.max(1, Math.min(this.options.concurrency.current(), this.socketCeiling));
  }

  /** Sweep phase: keep the share of probes in flight; hand over to confirm when all are back. */
  protected pump(): void {
    if (this.stopped || this.waitTimer !== null) return;
    while (this.inflightCount < Math.min(this.share(), this.resourceCap)) {
      const index = this.bounced.pop() ?? (this.nextFresh < this.ports.length ? this.nextFresh++ : undefined);
      if (index === undefined) break;
      this.launch(index);
    }
    if (this.inflightCount > 0) return this.armSweep();
    if (this.bounced.length > 0) return;
    this.phase = 'confirm';
    this.silent.sort((a, b) => a - b);
    this.lastProgressAt = performance.now();
    this.nextBatch();
  }

  private launch(index: number): Probe {
    const probe: Probe = { index, startedAt: performance.now(), close: null, outcome: null };
    const { address, family } = this.target;
    const port = this.ports[index]!;
    probe.close = sendDatagrams(address, family, port, payloadsFor(port, address, family), (outcome) => this.settle(probe, outcome));
    this.inflight.push(probe);
    this.inflightCount++;
    return probe;
  }

  private settle(probe: Probe, outcome: DatagramOutcome): void {
    if (probe.outcome !== null || this.stopped) return;
    this.inflightCount--;
    probe.outcome = this.judge(probe, outcome, performance.now() - (outcome.sentAt ?? probe.startedAt));
    this.afterSettle();
  }

  private judge(probe: Probe, outcome: DatagramOutcome, rttMs: number): BatchOutcome {
    if (outcome.kind === 'answer') {
      this.rtt.record(rttMs);
      this.finalize(probe.index, 'open', 'udp-response', rttMs);
      return 'answer';
    }
    const verdict = udpVerdictFor(outcome.code, outcome.beforeSend);
    if (verdict.kind === 'local-resource') {
      if (this.phase === 'sweep') this.resourceFailure(probe.index);
      return 'not-sent';
    }
    if (verdict.kind === 'unanswered') return this.unanswered(probe);
    this.backoffMs = 0;
    if (!verdict.icmp) {
      this.finalize(probe.index, verdict.state, verdict.reason, null);
      return 'final-local';
    }
    this.rtt.record(rttMs);
    this.icmpSeen = true;
    this.canary = probe.index;
    this.finalize(probe.index, verdict.state, verdict.reason, rttMs);
    return 'icmp';
  }

  private unanswered(probe: Probe): BatchOutcome {
    if (this.phase === 'sweep') this.silent.push(probe.index);
    return 'silent';
  }

  private afterSettle(): void {
    if (this.phase === 'sweep') return this.pump();
    if (this.inflightCount === 0 && this.batch !== null) this.judgeBatch(this.batch);
  }

  /** Confirm phase: the next batch of silent ports, plus the canary, sent back to back. */
  private nextBatch(): void {
    this.silent = this.silent.filter((index) => !this.results.isFinished(index));
    if (this.silent.length === 0) return this.stop();
    const wait = this.lastBatchAt + this.pacer.intervalMs - performance.now();
    if (wait > 0) {
      this.waitTimer = setTimeout(() => {
        this.waitTimer = null;
        this.nextBatch();
      }, wait);
      return;
    }
    const room = Math.max(1, this.share() - (this.canary >= 0 ? 1 : 0));
    const size = Math.min(this.pacer.window, room, this.silent.length);
    const bucketFull = !this.icmpSeen && performance.now() - this.startedAt >= this.timing.bucketRefillMs;
    const members = this.silent.slice(0, size).map((index) => this.launch(index));
    const canary = this.canary >= 0 ? this.launch(this.canary) : null;
    this.batch = { members, canary, bucketFull };
    this.lastBatchAt = performance.now();
    this.armSweep();
  }

  private judgeBatch(batch: Batch): void {
    this.batch = null;
    const probes = batch.canary === null ? batch.members : [...batch.members, batch.canary];
    const outcomes = probes.map((probe) => probe.outcome ?? 'silent');
    const proven = provenSilent(outcomes, batch.bucketFull);
    let settled = 0;
    batch.members.forEach((probe, position) => {
      if (proven[position] === true) this.finalize(probe.index, 'open|filtered', 'no-response', null);
      if (this.results.isFinished(probe.index)) settled++;
    });
    const icmpErrors = outcomes.filter((outcome) => outcome === 'icmp').length;
    this.pacer.afterBatch({ hadCanary: batch.canary !== null, icmpErrors, windowResolved: settled === batch.members.length });
    const now = performance.now();
    if (settled > 0) this.lastProgressAt = now;
    else if (now - this.lastProgressAt >= this.timing.giveUpAfterMs) this.giveUp();
    this.nextBatch();
  }

  /** The target stopped answering even the canary: nothing more can be learnt about the rest. */
  private giveUp(): void {
    for (const index of this.silent) this.finalize(index, 'open|filtered', 'no-response', null);
  }

  private resourceFailure(index: number): void {
    this.bounced.push(index);
    // Hold fewer sockets than we had when the kernel said no, and give it a moment to recover.
    this.resourceCap = Math.max(1, Math.floor((this.inflightCount + 1) * 0.75));
    this.backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(5, this.backoffMs * 2));
    this.waitTimer ??= setTimeout(() => {
      this.waitTimer = null;
      this.pump();
    }, this.backoffMs);
  }

  private finalize(index: number, state: PortState, reason: PortReason, rttMs: number | null): void {
    this.record(index, state, reason, rttMs);
  }

  /** One timer for every deadline: probes sit in start order and share one timeout, so the head expires first. */
  private armSweep(): void {
    if (this.sweepArmed || this.stopped) return;
    while (this.inflight.peek()?.outcome != null) this.inflight.shift();
    const head = this.inflight.peek();
    if (head === undefined) return;
    this.sweepAfter(Math.max(0, head.startedAt + this.rtt.timeoutMs - performance.now()));
  }

  protected expire(): void {
    const now = performance.now();
    const timeout = this.rtt.timeoutMs;
    let expired = false;
    for (let head = this.inflight.peek(); head !== undefined; head = this.inflight.peek()) {
      if (head.outcome === null) {
        if (now - head.startedAt < timeout) break;
        head.close?.();
        this.inflightCount--;
        head.outcome = this.unanswered(head);
        expired = true;
      }
      this.inflight.shift();
    }
    if (expired) this.afterSettle();
    this.armSweep();
  }

  protected release(): void {
    for (let probe = this.inflight.shift(); probe !== undefined; probe = this.inflight.shift()) if (probe.outcome === null) probe.close?.();
    this.inflightCount = 0;
    if (this.waitTimer !== null) clearTimeout(this.waitTimer);
    this.waitTimer = null;
  }
}
