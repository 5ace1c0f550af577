// Stored results for the watch tests, built through the store's own sheet builder, and a clock
// whose time moves only when a test says so.
import type { PortReason, PortResult, PortState, Protocol } from '../../src/scanner/types.js';
import { sheetsOf } from '../../src/store/port-sheet.js';
import type { StoredHost, StoredResult } from '../../src/store/types.js';
import type { WatchClock } from '../../src/watch/clock.js';

export interface HostSpec {
  readonly target?: string;
  readonly address?: string;
  /** Scanned ports; default 1-100 and 443, 3389, 8080. */
  readonly ports?: readonly number[];
  readonly open?: readonly number[];
  readonly filtered?: readonly number[];
  /** Every port host-unreach: a router says the host is gone. */
  readonly down?: boolean;
  /** Every port no-response: nothing comes back at all. */
  readonly silent?: boolean;
  readonly protocol?: Protocol;
  /** Detected service names of open ports. */
  readonly detected?: Readonly<Record<number, string>>;
}

export const DEFAULT_PORTS: readonly number[] = [...Array.from({ length: 100 }, (_, index) => index + 1), 443, 3389, 8080];
export const WEB = { target: 'web-1', address: '10.0.0.5' };

export function storedHost(spec: HostSpec = {}): StoredHost {
  const open = new Set(spec.open ?? []);
  const filtered = new Set(spec.filtered ?? []);
  const protocol = spec.protocol ?? 'tcp';
  const summary: Partial<Record<PortState, number>> = {};
  const ports: PortResult[] = (spec.ports ?? DEFAULT_PORTS).map((port) => {
    const [state, reason]: [PortState, PortReason] = spec.down
      ? ['filtered', 'host-unreach']
      : spec.silent || filtered.has(port)
        ? ['filtered', 'no-response']
        : open.has(port)
          ? ['open', 'syn-ack']
          : ['closed', 'conn-refused'];
    summary[state] = (summary[state] ?? 0) + 1;
    const detected = spec.detected?.[port];
    const result: PortResult = { port, protocol, state, reason, service: null, rttMs: null };
    return detected === undefined ? result : { ...result, detected: { name: detected, findings: [] } };
  });
  return { target: spec.target ?? WEB.target, address: spec.address ?? WEB.address, summary, status: null, sheets: sheetsOf(ports) };
}

let sequence = 0;

/** One stored result; `hosts` default to one web-1 host. */
export function stored(...hosts: HostSpec[]): StoredResult {
  sequence++;
  return { id: `r${String(sequence).padStart(4, '0')}`, status: 'done', startedAt: new Date(sequence * 60_000), finishedAt: null, hosts: (hosts.length === 0 ? [{}] : hosts).map(storedHost) };
}

/** Results oldest first, as a watch ran them; returned newest first, as watchChanges takes them. */
export const runs = (...oldestFirst: StoredResult[]): StoredResult[] => [...oldestFirst].reverse();

interface Timer {
  readonly at: number;
  readonly fire: () => void;
  cancelled: boolean;
}

/** Lets promises and their continuations run: a few turns of the event loop. */
export async function settle(): Promise<void> {
  for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
}

export class ManualClock implements WatchClock {
  private readonly timers: Timer[] = [];
  constructor(private time: number) {}

  now(): Date {
    return new Date(this.time);
  }

  setTimer(at: Date, fire: () => void): () => void {
    const timer: Timer = { at: at.getTime(), fire, cancelled: false };
    this.timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }

  /** Moves time forward to `to`, firing each due timer at its own time, in order, letting runs proceed between them. */
  async advanceTo(to: Date | number): Promise<void> {
    const target = typeof to === 'number' ? to : to.getTime();
    for (;;) {
      const due = this.timers.filter((timer) => !timer.cancelled && timer.at <= target).sort((a, b) => a.at - b.at)[0];
      if (due === undefined) break;
      due.cancelled = true;
      this.time = Math.max(this.time, due.at);
      due.fire();
      await settle();
    }
    this.time = Math.max(this.time, target);
    await settle();
  }

  /** Moves time without firing anything, as a machine that slept: the next advanceTo fires the overdue timers late. */
  jump(to: number): void {
    this.time = to;
  }

  get pending(): number {
    return this.timers.filter((timer) => !timer.cancelled).length;
  }
}
