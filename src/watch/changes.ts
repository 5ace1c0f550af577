// What a watch run has to say, as data: nothing when the target looks as it did, else one event
// per thing that changed. Rules, in order:
// - Hosts are matched by address. A host that stops answering (host-answers.ts) is one `host-down`
//   (its ports are not compared while it is silent); one that answers again is one `host-up`, and
//   its ports are compared with the last run in which it answered. A host seen for the first time
//   is `host-new`; an answering host missing from the new result (its name now resolves elsewhere,
//   or a block scan no longer lists it) is `host-gone`.
// - Ports are compared with diffResults (ndiff's rules) between consecutive runs in which the host
//   answered, and each port's history goes through the flapping rule (flapping.ts).
// - Many ports changing alike without being open on either side (a firewall now drops a range)
//   are grouped (change-groups.ts). Ports not scanned by one of the runs are not changes.
import { diffResults, type PortChange } from '../report/scan-diff.js';
import type { PortState, Protocol } from '../scanner/types.js';
import { SheetReader } from '../store/port-sheet.js';
import type { StoredHost, StoredPort, StoredResult } from '../store/types.js';
import { groupChanges, type PortGroupChange } from './change-groups.js';
import { portVerdict } from './flapping.js';
import { hostAnswer } from './host-answers.js';

/** How many of a watch's newest results to pass: enough history for the flapping rule. */
export const WATCH_HISTORY_RUNS = 12;

export interface WatchedHost {
  readonly target: string;
  readonly address: string;
}

interface PortFields {
  readonly host: WatchedHost;
  readonly protocol: Protocol;
  readonly port: number;
  /** Service as the newest run names it (detected, else registered); null when unknown. */
  readonly service: string | null;
}

export type WatchChange =
  | (PortFields & { readonly kind: 'port'; readonly from: PortState; readonly to: PortState })
  | (PortFields & { readonly kind: 'service'; readonly state: PortState; readonly from: string | null; readonly to: string | null })
  | (PortFields & { readonly kind: 'flapping'; readonly changes: number; readonly runs: number; readonly last: PortState })
  | (PortFields & { readonly kind: 'steady'; readonly runs: number; readonly state: PortState })
  | PortGroupChange
  | { readonly kind: 'host-down' | 'host-up'; readonly host: WatchedHost; readonly reason: string }
  | { readonly kind: 'host-new'; readonly host: WatchedHost; readonly open: readonly { readonly protocol: Protocol; readonly port: number; readonly service: string | null }[] }
  | { readonly kind: 'host-gone'; readonly host: WatchedHost };

/** `results`: the watch's newest done results, newest first ([0] the run just finished). Fewer than two: nothing to compare. */
export function watchChanges(results: readonly StoredResult[]): WatchChange[] {
  const [newest, previous] = results;
  if (newest === undefined || previous === undefined) return [];
  const oldestFirst = [...results].reverse();
  const addresses = [...new Set([...newest.hosts, ...previous.hosts].map((host) => host.address))];
  return addresses.flatMap((address) => hostChanges(oldestFirst.map((result) => ({ result, host: result.hosts.find((each) => each.address === address) }))));
}

interface Sighting {
  readonly result: StoredResult;
  readonly host: StoredHost | undefined;
}

function hostChanges(timeline: readonly Sighting[]): WatchChange[] {
  const now = timeline.at(-1)!.host;
  const before = timeline.at(-2)!.host;
  const answeredBefore = before !== undefined && hostAnswer(before).answering;
  if (now === undefined) return answeredBefore ? [{ kind: 'host-gone', host: named(before) }] : [];
  const answer = hostAnswer(now);
  if (!answer.answering) return answeredBefore ? [{ kind: 'host-down', host: named(now), reason: answer.reason }] : [];
  const answering = timeline.filter(({ host }) => host !== undefined && hostAnswer(host).answering);
  if (answering.length === 1) return [{ kind: 'host-new', host: named(now), open: openPorts(now) }];
  const ports = portChanges(answering);
  return answeredBefore ? ports : [{ kind: 'host-up', host: named(now), reason: answer.reason }, ...ports];
}

const named = (host: StoredHost): WatchedHost => ({ target: host.target, address: host.address });

/** Port events of the newest comparison, with each changed port's history through the flapping rule. */
function portChanges(answering: readonly Sighting[]): WatchChange[] {
  const single = (sighting: Sighting): StoredResult => ({ ...sighting.result, hosts: [sighting.host!] });
  const comparisons = answering.slice(1).map((sighting, index) => diffResults(single(answering[index]!), single(sighting)).changes.filter(comparable));
  // Keyed by a number (protocol, then port) so a full range that changed sorts without strings.
  const histories = new Map<number, boolean[]>();
  comparisons.forEach((changes, index) => {
    for (const change of changes) {
      const key = portKey(change.protocol, change.port);
      let history = histories.get(key);
      if (history === undefined) histories.set(key, (history = new Array<boolean>(comparisons.length).fill(false)));
      history[index] = true;
    }
  });
  const newest = answering.at(-1)!.host!;
  const readers = new Map(PROTOCOLS.map((protocol) => [protocol, newest.sheets[protocol] === undefined ? undefined : new SheetReader(newest.sheets[protocol])]));
  const latest = new Map(comparisons.at(-1)!.map((change) => [portKey(change.protocol, change.port), change]));
  const events: WatchChange[] = [];
  for (const key of [...histories.keys()].sort((a, b) => a - b)) {
    const verdict = portVerdict(histories.get(key)!);
    if (verdict.kind === 'quiet') continue;
    const protocol = PROTOCOLS[Math.floor(key / PORTS_PER_PROTOCOL)]!;
    const port = key % PORTS_PER_PROTOCOL;
    const now = readers.get(protocol)?.lookup(port) ?? null;
    if (now === null) continue;
    const fields: PortFields = { host: named(newest), protocol, port, service: serviceOf(now) };
    const change = latest.get(key);
    if (verdict.kind === 'flapping') events.push({ ...fields, kind: 'flapping', changes: verdict.changes, runs: verdict.runs, last: now.state });
    else if (verdict.kind === 'steady') events.push({ ...fields, kind: 'steady', runs: verdict.runs, state: now.state });
    else if (change!.from !== change!.to) events.push({ ...fields, kind: 'port', from: change!.from!, to: change!.to! });
    else events.push({ ...fields, kind: 'service', state: now.state, from: change!.service?.from ?? null, to: change!.service?.to ?? null });
  }
  return groupChanges(events);
}

/** A port one of the runs did not scan (the port list changed) is not a change of the target. */
const comparable = (change: PortChange): boolean => change.from !== null && change.to !== null;

const PROTOCOLS: readonly Protocol[] = ['tcp', 'udp'];
const PORTS_PER_PROTOCOL = 65_536;
const portKey = (protocol: Protocol, port: number): number => PROTOCOLS.indexOf(protocol) * PORTS_PER_PROTOCOL + port;

/** As diffResults names it: what detection found, else the registered service. */
function serviceOf(port: StoredPort): string | null {
  const detected = port.detected?.['name'];
  return typeof detected === 'string' ? detected : port.service;
}

function openPorts(host: StoredHost): { protocol: Protocol; port: number; service: string | null }[] {
  return PROTOCOLS.flatMap((protocol) =>
    (host.sheets[protocol]?.listed ?? []).filter((port) => port.state === 'open').map((port) => ({ protocol, port: port.port, service: serviceOf(port) })),
  );
}
