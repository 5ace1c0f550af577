// One host's <ports> element as nmap writes it: the states nmap would fold become <extraports>
// (with each reason's count, protocol and port ranges), every other port a <port> with its state,
// reason and service. Written a line at a time from the host's result list.
import { PortRanges } from '../request/port-list-format.js';
import type { HostReport, PortResult, PortState, Protocol, StateSummary } from '../scanner/types.js';
import { FOLD_THRESHOLD } from './fold.js';
import { detectedService } from './later-fields.js';
import { xmlAttrs } from './xml-text.js';

/**
 * nmap's PortList::isIgnoredState without -v: any state but open with more than 25 ports on the
 * host, counted over all protocols together (getStateCounts sums them). Listed in nmap's
 * nextIgnoredState order: most ports first, ties in nmap's state-number order (as here).
 */
const FOLDABLE: readonly PortState[] = ['closed', 'filtered', 'open|filtered'];

export function nmapFoldedStates(summary: StateSummary): PortState[] {
  const count = (state: PortState): number => summary[state] ?? 0;
  return FOLDABLE.filter((state) => count(state) > FOLD_THRESHOLD).sort((a, b) => count(b) - count(a));
}

interface ReasonGroup {
  readonly state: PortState;
  readonly reason: string;
  readonly protocol: Protocol;
  count: number;
  readonly ranges: PortRanges;
}

/** Counts and port ranges per (state, reason, protocol) of the folded ports, in one pass. */
function reasonGroups(host: HostReport, folded: ReadonlySet<PortState>): ReasonGroup[] {
  const groups = new Map<string, ReasonGroup>();
  for (const port of host.ports) {
    if (!folded.has(port.state)) continue;
    const key = `${port.state} ${port.reason} ${port.protocol}`;
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { state: port.state, reason: port.reason, protocol: port.protocol, count: 0, ranges: new PortRanges() }));
    group.count++;
    // The list is in port order per protocol, so each group's ports arrive ascending.
    group.ranges.add(port.port);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.protocol.localeCompare(b.protocol));
}

function serviceElement(port: PortResult): string {
  const detected = port.state === 'open' ? detectedService(port) : undefined;
  if (detected !== undefined) {
    const name = detected.name ?? port.service ?? 'unknown';
    const attrs = xmlAttrs([['name', name], ['product', detected.product], ['version', detected.version], ['extrainfo', detected.info], ['method', 'probed'], ['conf', 10]]);
    return `<service${attrs}/>`;
  }
  // nmap leaves <service> out when its table has no name for the port.
  return port.service === null ? '' : `<service${xmlAttrs([['name', port.service], ['method', 'table'], ['conf', 3]])}/>`;
}

export const portElement = (port: PortResult): string =>
  `<port protocol="${port.protocol}" portid="${port.port}"><state state="${port.state}" reason="${port.reason}" reason_ttl="0"/>${serviceElement(port)}</port>`;

export function* nmapPortsLines(host: HostReport): Generator<string> {
  const foldedStates = nmapFoldedStates(host.summary);
  const folded = new Set(foldedStates);
  yield '<ports>';
  if (folded.size > 0) {
    const groups = reasonGroups(host, folded);
    for (const state of foldedStates) {
      yield `<extraports state="${state}" count="${host.summary[state] ?? 0}">`;
      for (const group of groups) {
        if (group.state !== state) continue;
        yield `<extrareasons${xmlAttrs([['reason', group.reason], ['count', group.count], ['proto', group.protocol], ['ports', group.ranges.toString()]])}/>`;
      }
      yield '</extraports>';
    }
  }
  for (const port of host.ports) if (!folded.has(port.state)) yield portElement(port);
  yield '</ports>';
}
