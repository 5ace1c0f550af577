// A firewall that starts dropping a range turns thousands of closed ports filtered at once: one
// line says that better than thousands. Port events of one host and protocol that share their
// kind and states, involve no open port and number more than GROUP_OVER become one group with
// the ports as ranges. Open ports are never grouped: each one that opens or closes is named.
import type { PortState, Protocol } from '../scanner/types.js';
import type { WatchChange, WatchedHost } from './changes.js';

export const GROUP_OVER = 5;

export interface PortGroupChange {
  readonly kind: 'ports';
  /** What happened to every port of the group. */
  readonly what: 'port' | 'flapping' | 'steady';
  readonly host: WatchedHost;
  readonly protocol: Protocol;
  /** The state before (`port` groups only). */
  readonly from?: PortState;
  /** The state now. */
  readonly to: PortState;
  readonly count: number;
  /** Inclusive [first, last] ranges, ascending. */
  readonly ranges: readonly (readonly [number, number])[];
}

type Groupable = Extract<WatchChange, { kind: 'port' | 'flapping' | 'steady' }>;

function groupKey(change: WatchChange): string | undefined {
  if (change.kind === 'port') return change.from === 'open' || change.to === 'open' ? undefined : `port ${change.protocol} ${change.from} ${change.to}`;
  if (change.kind === 'flapping') return change.last === 'open' ? undefined : `flapping ${change.protocol} ${change.last}`;
  if (change.kind === 'steady') return change.state === 'open' ? undefined : `steady ${change.protocol} ${change.state}`;
  return undefined;
}

/** `changes`: one host's port events, ascending by protocol and port. Large groups replace their members and come after the ports named one by one. */
export function groupChanges(changes: readonly WatchChange[]): WatchChange[] {
  const members = new Map<string, Groupable[]>();
  for (const change of changes) {
    const key = groupKey(change);
    if (key === undefined) continue;
    const group = members.get(key);
    if (group === undefined) members.set(key, [change as Groupable]);
    else group.push(change as Groupable);
  }
  const named: WatchChange[] = [];
  const grouped: WatchChange[] = [];
  for (const change of changes) {
    const key = groupKey(change);
    const group = key === undefined ? undefined : members.get(key)!;
    if (group === undefined || group.length <= GROUP_OVER) named.push(change);
    else if (group[0] === change) grouped.push(asGroup(group));
  }
  return [...named, ...grouped];
}

function asGroup(group: readonly Groupable[]): PortGroupChange {
  const first = group[0]!;
  const to = first.kind === 'port' ? first.to : first.kind === 'flapping' ? first.last : first.state;
  const ranges: [number, number][] = [];
  for (const { port } of group) {
    const last = ranges.at(-1);
    if (last !== undefined && last[1] + 1 === port) last[1] = port;
    else ranges.push([port, port]);
  }
  const base = { kind: 'ports' as const, what: first.kind, host: first.host, protocol: first.protocol, to, count: group.length, ranges };
  return first.kind === 'port' ? { ...base, from: first.from } : base;
}
