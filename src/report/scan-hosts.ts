// Which hosts a chat answer shows, and how it says whether each is up. As nmap does, a scan of
// several addresses leaves the hosts that seem down out of the table and counts them ("12 hosts
// up, 242 down"), naming them when they are few; a single target always says where it stands.
import { DISCOVERY_PORTS } from '../scanner/discovery/index.js';
import type { HostReport, ScanReport } from '../scanner/types.js';
import { statusPhrase } from './detected-text.js';
import { formatCount } from './fold.js';
import { hostLabel, stateCounts, summaryLine } from './scan-summary.js';

/** Down hosts named one by one up to this many; beyond it they are only counted. */
const MAX_NAMED_DOWN = 10;

/** A host as far as its status goes: a scanned host, or a pinged one. */
type WithStatus = Pick<HostReport, 'target' | 'address' | 'status'>;

const isDown = (host: WithStatus): boolean => host.status?.state === 'down';

/** The hosts whose ports a result lists: all of a single-host scan, the ones not found down of several. */
export const shownHosts = (report: ScanReport): readonly HostReport[] => (report.hosts.length > 1 ? report.hosts.filter((host) => !isDown(host)) : report.hosts);

/** "3 hosts up, 13 down", or undefined when the hosts carry no status (reports from before discovery). */
export function hostCount(hosts: readonly WithStatus[]): string | undefined {
  if (!hosts.some((host) => host.status !== undefined)) return undefined;
  const down = hosts.filter(isDown).length;
  const up = hosts.length - down;
  return `${formatCount(up)} host${up === 1 ? '' : 's'} up${down > 0 ? `, ${formatCount(down)} down` : ''}`;
}

/** The hosts that seem down, named when few, else counted; no line when there are none. */
export function downLines(hosts: readonly WithStatus[]): string[] {
  const down = hosts.filter(isDown);
  if (down.length === 0) return [];
  if (down.length <= MAX_NAMED_DOWN) return [`Seem down (no-response): ${down.map(hostLabel).join(', ')}`];
  return [`${formatCount(down.length)} hosts seem down (no-response) and are not listed.`];
}

/** The summary line: "web-1 (10.0.0.5) is up (0.31 ms latency): 1 open, 2 closed, scanned 3 ports in 0.40 s". */
export function scanSummary(report: ScanReport): string {
  const only = report.hosts.length === 1 ? report.hosts[0] : undefined;
  const who = only === undefined ? hostCount(report.hosts) : only.status === undefined ? undefined : statusPhrase({ ...only, status: only.status });
  return summaryLine(report, who);
}

/** One line per shown host, then the hosts that seem down: named when few, else counted. */
export function hostsText(report: ScanReport): string {
  const lines = shownHosts(report).map((host) => `${host.status === undefined ? hostLabel(host) : statusPhrase({ ...host, status: host.status })}: ${stateCounts([host])}`);
  return [...lines, ...downLines(report.hosts)].join('\n');
}

/** Teaches what "down" means when discovery kept hosts from being port-scanned, and how to scan them anyway. */
export function discoveryNotes(report: ScanReport): string[] {
  const unscanned = report.hosts.filter((host) => isDown(host) && host.ports.length === 0).length;
  if (report.hosts.length < 2 || unscanned === 0 || report.cancelled) return [];
  return [
    `Hosts that seem down were not port-scanned: none answered a TCP connection to ${DISCOVERY_PORTS.join(', ')} or a ping within 1.5 s. ` +
      'If a firewall drops those but other ports may be open, add "all-hosts" to scan every address anyway (slower: each silent port waits for its timeout).',
  ];
}
