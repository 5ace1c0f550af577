// A host's ports in the folded form the store keeps (types.ts, PortSheet; docs/store.md says why):
// built in two passes over the scanner's list, so a 65,535-port result never becomes 65,535
// stored objects, and read back port by port for the diff and for reports.
import type { DetectedService, PortReason, PortResult, PortState, Protocol } from '../scanner/types.js';
import type { PortSheet, StoredPort } from './types.js';

/** A port as the store receives it: the scanner's result, with what answered when detection ran. */
export type RecordablePort = PortResult;

/**
 * nmap lists a state one port at a time up to 25 ports (its max_per_state): a small result is kept
 * whole, service and RTT of every port included; beyond that the largest group is folded.
 */
const LIST_EVERY_PORT_UP_TO = 25;

/** One (protocol, state, reason) combination and how many ports had it. */
interface Group {
  readonly protocol: Protocol;
  readonly state: PortState;
  readonly reason: PortReason;
  count: number;
}

/**
 * The sheets of one host's ports (ascending within each protocol). One pass over the ports, into
 * columns (a number per port, objects only for what ends up listed): a scanner list builds each
 * PortResult on read, and a full range read twice cost twice the time of recording it.
 */
export function sheetsOf(ports: Iterable<RecordablePort>): Partial<Record<Protocol, PortSheet>> {
  const groups: Group[] = [];
  const groupIds = new Map<Protocol, Map<PortState, Map<PortReason, number>>>();
  const ranges = new Map<Protocol, [number, number][]>();
  const numbers: number[] = [];
  const groupOf: number[] = [];
  const rtts: (number | null)[] = [];
  const services: (string | null)[] = [];
  const detections = new Map<number, DetectedService>();
  for (const { port, protocol, state, reason, service, rttMs, detected } of ports) {
    let byState = groupIds.get(protocol);
    if (byState === undefined) {
      groupIds.set(protocol, (byState = new Map<PortState, Map<PortReason, number>>()));
      ranges.set(protocol, []);
    }
    let byReason = byState.get(state);
    if (byReason === undefined) byState.set(state, (byReason = new Map<PortReason, number>()));
    let group = byReason.get(reason);
    if (group === undefined) byReason.set(reason, (group = groups.push({ protocol, state, reason, count: 0 }) - 1));
    groups[group]!.count++;
    const covered = ranges.get(protocol)!;
    const last = covered.at(-1);
    if (last !== undefined && last[1] + 1 === port) last[1] = port;
    else covered.push([port, port]);
    if (detected !== undefined) detections.set(numbers.length, detected);
    numbers.push(port);
    groupOf.push(group);
    rtts.push(rttMs !== null && Number.isFinite(rttMs) ? rttMs : null);
    services.push(service);
  }
  const folded = new Map<Protocol, Group>();
  for (const group of groups) {
    if (group.state === 'open' || group.count <= LIST_EVERY_PORT_UP_TO) continue; // open ports are the answer: always listed
    const largest = folded.get(group.protocol);
    if (largest === undefined || group.count > largest.count) folded.set(group.protocol, group);
  }
  const listed = new Map<Protocol, StoredPort[]>([...ranges.keys()].map((protocol) => [protocol, []]));
  for (let index = 0; index < numbers.length; index++) {
    const group = groups[groupOf[index]!]!;
    if (folded.get(group.protocol) === group) continue;
    const entry = { port: numbers[index]!, state: group.state, reason: group.reason, service: services[index]!, rttMs: rtts[index]! };
    const detected = detections.get(index);
    listed.get(group.protocol)!.push(detected === undefined ? entry : { ...entry, detected });
  }
  const sheets: Partial<Record<Protocol, PortSheet>> = {};
  for (const [protocol, covered] of ranges) {
    const group = folded.get(protocol);
    sheets[protocol] = { ranges: covered, folded: group === undefined ? null : { state: group.state, reason: group.reason, count: group.count }, listed: listed.get(protocol)! };
  }
  return sheets;
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
