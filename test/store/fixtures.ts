// Results and requesters for the store tests: the shapes the scanner and the chat adapters hand the
// store, built directly so a test can say exactly which ports are open, filtered or closed.
import type { PortReason, PortResult, PortState } from '../../src/scanner/types.js';
import type { RecordableHost, RecordableReport } from '../../src/store/store.js';
import type { NewJob, Requester, Scope } from '../../src/store/index.js';

export interface HostSpec {
  readonly target: string;
  readonly address: string;
  /** Scanned ports, default 1-65535. */
  readonly ports?: readonly number[];
  readonly open?: readonly number[];
  readonly filtered?: readonly number[];
  /** Registered service names of open ports. */
  readonly services?: Readonly<Record<number, string>>;
}

const range = (first: number, last: number): number[] => Array.from({ length: last - first + 1 }, (_, index) => first + index);
export const ALL_PORTS = range(1, 65535);

/** A TCP host: listed ports open (syn-ack) or filtered (no-response), the rest closed (conn-refused). */
export function host(spec: HostSpec): RecordableHost {
  const open = new Set(spec.open ?? []);
  const filtered = new Set(spec.filtered ?? []);
  const ports: PortResult[] = [];
  const summary: Record<string, number> = {};
  for (const port of spec.ports ?? ALL_PORTS) {
    const [state, reason]: [PortState, PortReason] = open.has(port) ? ['open', 'syn-ack'] : filtered.has(port) ? ['filtered', 'no-response'] : ['closed', 'conn-refused'];
    summary[state] = (summary[state] ?? 0) + 1;
    ports.push({ port, protocol: 'tcp', state, reason, service: spec.services?.[port] ?? null, rttMs: state === 'filtered' ? null : 0.05 + (port % 7) / 100 });
  }
  return { target: spec.target, address: spec.address, ports, summary };
}

export const report = (hosts: readonly RecordableHost[], cancelled = false): RecordableReport => ({ hosts, durationMs: 1234, cancelled });

export const requester = (overrides: Partial<Requester> = {}): Requester => ({
  platform: 'slack',
  workspaceId: 'T1',
  channelId: 'C1',
  userId: 'U1',
  ...overrides,
});

export const newJob = (targets: readonly string[], who: Requester = requester(), visibility: NewJob['visibility'] = 'channel'): NewJob => ({
  requester: who,
  visibility,
  request: { targets, ports: '1-65535', protocol: 'tcp' },
});

/** The scope of a chat reader standing where `who` asked. */
export const scopeOf = (who: Requester): Scope => ({ kind: 'chat', platform: who.platform, workspaceId: who.workspaceId, channelId: who.channelId, userId: who.userId });

/** Names unique to one test, so the tests of a suite can share one store. */
let counter = 0;
export const uniqueName = (prefix: string): string => `${prefix}-${String(process.pid)}-${String(++counter)}.example.test`;

/**
 * A large result for the kill tests: four full-range hosts with ~2,000 listed ports each, so
 * recording it takes long enough (tens of milliseconds) for a kill to land inside the write.
 */
export function bigReport(): RecordableReport {
  const hosts = [1, 2, 3, 4].map((index) => {
    const open = ALL_PORTS.filter((port) => port % 97 === index);
    const filtered = ALL_PORTS.filter((port) => port % 61 === index);
    return host({ target: `kill-${String(index)}.example.test`, address: `10.9.9.${String(index)}`, open, filtered });
  });
  return report(hosts);
}
