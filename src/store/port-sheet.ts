// A host's ports in the folded form the store keeps (types.ts, PortSheet; docs/store.md says why):
// built in two passes over the scanner's list, so a 65,535-port result never becomes 65,535
// stored objects, and read back port by port for the diff and for reports.
import type { PortReason, PortResult, PortState, Protocol } from '../scanner/types.js';
import type { JsonObject, PortSheet, StoredPort } from './types.js';

/** A port as the store receives it: the scanner's result, plus detection once issue 18 adds it. */
export type RecordablePort = PortResult & { readonly detected?: JsonObject };

/**
 * nmap lists a state one port at a time up to 25 ports (its max_per_state): a small result is kept
 * whole, service and RTT of every port included; beyond that the largest group is folded.
 */
const LIST_EVERY_PORT_UP_TO = 25;

interface Tally {
  readonly ranges: [number, number][];
  readonly groups: Map<string, { state: PortState; reason: PortReason; count: number }>;
}

const groupKey = (state: PortState, reason: PortReason): string => `${state}/${reason}`;

/** The sheets of one host's ports (any order within a protocol is fine as long as ports ascend). */
export function sheetsOf(ports: Iterable<RecordablePort>): Partial<Record<Protocol, PortSheet>> {
  const tallies = new Map<Protocol, Tally>();
  for (const { port, protocol, state, reason } of ports) {
    let tally = tallies.get(protocol);
    if (tally === undefined) tallies.set(protocol, (tally = { ranges: [], groups: new Map() }));
    const last = tally.ranges.at(-1);
    if (last !== undefined && last[1] + 1 === port) last[1] = port;
    else tally.ranges.push([port, port]);
    if (state === 'open') continue; // open ports are the answer: always listed
    const key = groupKey(state, reason);
    const group = tally.groups.get(key);
    if (group === undefined) tally.groups.set(key, { state, reason, count: 1 });
    else group.count++;
  }
  const folded = new Map<Protocol, PortSheet['folded']>();
  for (const [protocol, tally] of tallies) {
    let largest: PortSheet['folded'] = null;
    for (const group of tally.groups.values()) if (largest === null || group.count > largest.count) largest = group;
    folded.set(protocol, largest !== null && largest.count > LIST_EVERY_PORT_UP_TO ? { ...largest } : null);
  }
  const listed = new Map<Protocol, StoredPort[]>([...tallies.keys()].map((protocol) => [protocol, []]));
  for (const result of ports) {
    const group = folded.get(result.protocol);
    if (group != null && result.state === group.state && result.reason === group.reason) continue;
    listed.get(result.protocol)!.push(storedPort(result));
  }
  const sheets: Partial<Record<Protocol, PortSheet>> = {};
  for (const [protocol, tally] of tallies) sheets[protocol] = { ranges: tally.ranges, folded: folded.get(protocol) ?? null, listed: listed.get(protocol)! };
  return sheets;
}

// Field by field: whatever else a result carries one day is not stored by accident.
function storedPort({ port, state, reason, service, rttMs, detected }: RecordablePort): StoredPort {
  const stored = { port, state, reason, service, rttMs: rttMs !== null && Number.isFinite(rttMs) ? rttMs : null };
  return detected === undefined ? stored : { ...stored, detected };
}

/** Reads one sheet back, port by port. */
export class SheetReader {
  private readonly byPort: Map<number, StoredPort>;

  constructor(readonly sheet: PortSheet) {
    this.byPort = new Map(sheet.listed.map((entry) => [entry.port, entry]));
  }

  /** Whether the scan probed this port (binary search over the ranges). */
  covers(port: number): boolean {
    const { ranges } = this.sheet;
    let low = 0;
    let high = ranges.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [first, last] = ranges[middle]!;
      if (port < first) high = middle - 1;
      else if (port > last) low = middle + 1;
      else return true;
    }
    return false;
  }

  /** The listed entry of a port, if it has one. */
  listed(port: number): StoredPort | undefined {
    return this.byPort.get(port);
  }

  /** The port as scanned; null when the scan did not probe it. Folded ports have no service or RTT. */
  lookup(port: number): StoredPort | null {
    const entry = this.byPort.get(port);
    if (entry !== undefined) return entry;
    const { folded } = this.sheet;
    if (folded === null || !this.covers(port)) return null;
    return { port, state: folded.state, reason: folded.reason, service: null, rttMs: null };
  }

  /** Every scanned port in order (a full range is 65,535 small objects, built one at a time). */
  *ports(): Generator<StoredPort> {
    for (const [first, last] of this.sheet.ranges) for (let port = first; port <= last; port++) yield this.lookup(port)!;
  }
}
