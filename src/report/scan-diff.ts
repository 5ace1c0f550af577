// "What changed" between two stored scans, the way nmap's ndiff reads two scans: hosts matched by
// address, and per port a change when the state differs (opened, closed, filtered, …) or, with
// the same state, the service differs. A port the other scan did not probe is `null` on that side.
// Ports the scans folded ("Not shown: 65,532 closed") are compared as ndiff compares nmap's
// listed ports: a folded port that only one scan covered is not a change (a 1-1024 scan followed
// by a full-range one does not report 64,511 new closed ports), but a folded group whose state
// differs between the scans shows every port both scans covered.
import type { PortState, Protocol } from '../scanner/types.js';
import { SheetReader } from '../store/port-sheet.js';
import type { PortSheet, StoredHost, StoredPort, StoredResult } from '../store/types.js';

export interface PortChange {
  readonly address: string;
  /** The host's name in the newer scan (else the older one). */
  readonly target: string;
  readonly port: number;
  readonly protocol: Protocol;
  readonly from: PortState | null;
  readonly to: PortState | null;
  /** Present when the state stayed and what answers changed (detected name, else registered service). */
  readonly service?: { readonly from: string | null; readonly to: string | null };
}

export interface ScanDiff {
  readonly from: { readonly id: string; readonly startedAt: Date };
  readonly to: { readonly id: string; readonly startedAt: Date };
  /** Ordered by host (newer scan's order, then hosts only the older had), protocol, port. */
  readonly changes: readonly PortChange[];
}

const PROTOCOLS: readonly Protocol[] = ['tcp', 'udp'];

export function diffResults(older: StoredResult, newer: StoredResult): ScanDiff {
  const before = byAddress(older.hosts);
  const after = byAddress(newer.hosts);
  const addresses = [...new Set([...after.keys(), ...before.keys()])];
  const changes: PortChange[] = [];
  for (const address of addresses) {
    const was = before.get(address);
    const now = after.get(address);
    const target = now?.target ?? was?.target ?? address;
    for (const protocol of PROTOCOLS) {
      for (const change of sheetChanges(readerOf(was, protocol), readerOf(now, protocol))) changes.push({ address, target, protocol, ...change });
    }
  }
  return { from: { id: older.id, startedAt: older.startedAt }, to: { id: newer.id, startedAt: newer.startedAt }, changes };
}

function byAddress(hosts: readonly StoredHost[]): Map<string, StoredHost> {
  const map = new Map<string, StoredHost>();
  for (const host of hosts) if (!map.has(host.address)) map.set(host.address, host);
  return map;
}

const readerOf = (host: StoredHost | undefined, protocol: Protocol): SheetReader | null => {
  const sheet = host?.sheets[protocol];
  return sheet === undefined ? null : new SheetReader(sheet);
};

type SheetChange = Omit<PortChange, 'address' | 'target' | 'protocol'>;

function* sheetChanges(was: SheetReader | null, now: SheetReader | null): Generator<SheetChange> {
  for (const port of candidates(was?.sheet, now?.sheet)) {
    const before = was?.lookup(port) ?? null;
    const after = now?.lookup(port) ?? null;
    const from = before?.state ?? null;
    const to = after?.state ?? null;
    if (from !== to) {
      yield { port, from, to };
      continue;
    }
    const isListed = was?.listed(port) !== undefined && now?.listed(port) !== undefined;
    const services = { from: serviceName(before), to: serviceName(after) };
    if (isListed && services.from !== services.to) yield { port, from, to, service: services };
  }
}

/**
 * Ports worth comparing, ascending: every listed port of either scan, and every port both covered
 * when their folded states differ. A folded port only one scan covered is never a candidate.
 */
function candidates(was: PortSheet | undefined, now: PortSheet | undefined): number[] {
  const ports = new Set<number>();
  for (const entry of was?.listed ?? []) ports.add(entry.port);
  for (const entry of now?.listed ?? []) ports.add(entry.port);
  if (was?.folded != null && now?.folded != null && was.folded.state !== now.folded.state) {
    for (const [first, last] of intersect(was.ranges, now.ranges)) for (let port = first; port <= last; port++) ports.add(port);
  }
  return [...ports].sort((a, b) => a - b);
}

/** Both lists are sorted and disjoint: one merge pass. */
function intersect(a: PortSheet['ranges'], b: PortSheet['ranges']): [number, number][] {
  const both: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aFirst, aLast] = a[i]!;
    const [bFirst, bLast] = b[j]!;
    const first = Math.max(aFirst, bFirst);
    const last = Math.min(aLast, bLast);
    if (first <= last) both.push([first, last]);
    if (aLast < bLast) i++;
    else j++;
  }
  return both;
}

function serviceName(port: StoredPort | null): string | null {
  const detected = port?.detected?.['name'];
  return typeof detected === 'string' ? detected : (port?.service ?? null);
}
