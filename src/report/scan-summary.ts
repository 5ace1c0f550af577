// The one-line answers: "web-1 (10.0.0.5): 3 open, 997 closed, scanned 1,000 ports in 1.2 s".
import { stateTotals } from '../scanner/summary.js';
import type { HostReport, PortState, ScanReport } from '../scanner/types.js';
import { formatCount } from './fold.js';

const STATE_ORDER: readonly PortState[] = ['open', 'closed', 'filtered', 'open|filtered'];

/** "web-1 (10.0.0.5)", or just the address when the user typed the address. */
export const hostLabel = (host: Pick<HostReport, 'target' | 'address'>): string =>
  host.target === host.address ? host.address : `${host.target} (${host.address})`;

/** "3 open, 997 closed"; open is always named, so "0 open" says plainly that nothing answered. */
export function stateCounts(hosts: readonly Pick<HostReport, 'summary'>[]): string {
  const counts = stateTotals(hosts);
  return STATE_ORDER.filter((state) => state === 'open' || (counts.get(state) ?? 0) > 0)
    .map((state) => `${formatCount(counts.get(state) ?? 0)} ${state}`)
    .join(', ');
}

export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  // Sub-second scans are common on a LAN: "0.0 s" would say nothing, so keep two decimals there.
  if (seconds < 1) return `${seconds.toFixed(2)} s`;
  return seconds >= 100 ? `${Math.round(seconds)} s` : `${seconds.toFixed(1)} s`;
}

const portCount = (hosts: readonly HostReport[]): number => hosts.reduce((sum, host) => sum + host.ports.length, 0);

const plural = (count: number, word: string): string => `${formatCount(count)} ${word}${count === 1 ? '' : 's'}`;

/** Whole-scan line; several hosts are counted together (each host gets its own line elsewhere). `who` replaces the label or host count. */
export function summaryLine(report: ScanReport, who?: string): string {
  const only = report.hosts.length === 1 ? report.hosts[0] : undefined;
  who ??= only !== undefined ? hostLabel(only) : plural(report.hosts.length, 'host');
  const verb = report.cancelled ? 'cancelled after' : 'scanned';
  return `${who}: ${stateCounts(report.hosts)}, ${verb} ${plural(portCount(report.hosts), 'port')} in ${formatDuration(report.durationMs)}`;
}
