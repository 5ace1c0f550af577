// nmap's folding of uninteresting ports ("Not shown: 997 closed tcp ports (conn-refused)"): any
// state except open with more than 25 ports on a host is summarised instead of listed, so a
// 1,000-port scan shows the handful of ports that matter. Works per host and per protocol.
import type { PortResult, PortState, Protocol } from '../scanner/types.js';

/** nmap's max_per_state: a state with more ports than this is folded (without -v). */
export const FOLD_THRESHOLD = 25;

export interface FoldedGroup {
  readonly state: PortState;
  readonly protocol: Protocol;
  readonly count: number;
  /** Reason -> how many of the folded ports gave it, most frequent first. */
  readonly reasons: readonly { readonly reason: string; readonly count: number }[];
}

export interface FoldedPorts {
  /** Ports to list one by one, in scan order. */
  readonly shown: readonly PortResult[];
  /** Groups summarised on one line, largest first. */
  readonly folded: readonly FoldedGroup[];
}

const groupKey = (port: PortResult): string => `${port.state} ${port.protocol}`;

export function foldPorts(ports: readonly PortResult[]): FoldedPorts {
  const groups = new Map<string, PortResult[]>();
  for (const port of ports) {
    if (port.state === 'open') continue; // open ports are the answer: never hidden
    const group = groups.get(groupKey(port)) ?? [];
    group.push(port);
    groups.set(groupKey(port), group);
  }
  const foldedKeys = new Set([...groups].filter(([, members]) => members.length > FOLD_THRESHOLD).map(([key]) => key));
  const folded = [...groups]
    .filter(([key]) => foldedKeys.has(key))
    .map(([, members]) => describeGroup(members))
    .sort((a, b) => b.count - a.count);
  return { shown: ports.filter((port) => !foldedKeys.has(groupKey(port))), folded };
}

function describeGroup(members: readonly PortResult[]): FoldedGroup {
  const first = members[0];
  if (first === undefined) throw new Error('describeGroup: empty group');
  const reasons = new Map<string, number>();
  for (const member of members) reasons.set(member.reason, (reasons.get(member.reason) ?? 0) + 1);
  return {
    state: first.state,
    protocol: first.protocol,
    count: members.length,
    reasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
  };
}

/** "Not shown: 997 closed tcp ports (conn-refused), 3 filtered tcp ports (2 no-response, 1 host-unreach)" */
export function foldedLine(folded: readonly FoldedGroup[]): string | undefined {
  if (folded.length === 0) return undefined;
  const parts = folded.map((group) => {
    const reasons =
      group.reasons.length === 1
        ? (group.reasons[0]?.reason ?? '')
        : group.reasons.map((entry) => `${formatCount(entry.count)} ${entry.reason}`).join(', ');
    return `${formatCount(group.count)} ${group.state} ${group.protocol} ports (${reasons})`;
  });
  return `Not shown: ${parts.join(', ')}`;
}

export const formatCount = (count: number): string => count.toLocaleString('en-US');
