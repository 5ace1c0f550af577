// nmap's folding of uninteresting ports ("Not shown: 997 closed tcp ports (conn-refused)"): any
// state except open with more than 25 ports on a host is summarised instead of listed, so a
// 1,000-port scan shows the handful of ports that matter. Works per host and per protocol.
import type { PortResult, PortResultList, PortState, Protocol } from '../scanner/types.js';

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

interface Tally {
  readonly state: PortState;
  readonly protocol: Protocol;
  count: number;
  readonly reasons: Map<string, number>;
}

/**
 * Counts each (state, protocol) group first and lists only the ports of groups that stay
 * unfolded: a full-range scan's 65,000 closed ports are tallied, never gathered in arrays.
 */
export function foldPorts(ports: PortResultList): FoldedPorts {
  const tallies = new Map<string, Tally>();
  for (const port of ports) {
    if (port.state === 'open') continue; // open ports are the answer: never hidden
    const key = groupKey(port);
    let tally = tallies.get(key);
    if (tally === undefined) tallies.set(key, (tally = { state: port.state, protocol: port.protocol, count: 0, reasons: new Map() }));
    tally.count++;
    tally.reasons.set(port.reason, (tally.reasons.get(port.reason) ?? 0) + 1);
  }
  const foldedKeys = new Set([...tallies].filter(([, tally]) => tally.count > FOLD_THRESHOLD).map(([key]) => key));
  const folded = [...tallies]
    .filter(([key]) => foldedKeys.has(key))
    .map(([, tally]) => describeGroup(tally))
    .sort((a, b) => b.count - a.count);
  const shown: PortResult[] = [];
  for (const port of ports) if (!foldedKeys.has(groupKey(port))) shown.push(port);
  return { shown, folded };
}

function describeGroup(tally: Tally): FoldedGroup {
  return {
    state: tally.state,
    protocol: tally.protocol,
    count: tally.count,
    reasons: [...tally.reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
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
