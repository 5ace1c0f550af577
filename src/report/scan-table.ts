// The terminal report of `portbot scan`, laid out like nmap's so people who know nmap read it at
// a glance: one block per host, "Not shown" before the table, then notes on the open ports.
import { portNote } from '../knowledge/index.js';
import type { HostReport, ScanReport } from '../scanner/types.js';
import { foldedLine, foldPorts } from './fold.js';
import { hasRiskyOpenPort, scanNotes } from './scan-notes.js';
import { formatDuration, hostLabel } from './scan-summary.js';
import { formatColumns } from './text-columns.js';

export function scanTable(report: ScanReport): string {
  const blocks = report.hosts.map(hostBlock);
  const anyWarning = report.hosts.some((host) => hasRiskyOpenPort(host.ports));
  const notes = scanNotes(report, anyWarning).map((note) => `Note: ${note}`);
  const addresses = report.hosts.length === 1 ? '1 address' : `${report.hosts.length} addresses`;
  // A cancelled scan is not done: the CLI says what stopped it, once, on stderr.
  const done = report.cancelled ? [] : [`portbot done: ${addresses} scanned in ${formatDuration(report.durationMs).replace(' s', ' seconds')}`];
  return [...blocks, ...(notes.length > 0 ? [notes.join('\n')] : []), ...done].join('\n\n') + '\n';
}

function hostBlock(host: HostReport): string {
  const { shown, folded } = foldPorts(host.ports);
  const lines = [`portbot scan report for ${hostLabel(host)}`];
  const notShown = foldedLine(folded);
  if (notShown !== undefined) lines.push(notShown);
  if (shown.length > 0) {
    const table = [['PORT', 'STATE', 'SERVICE', 'REASON'], ...shown.map((port) => [`${port.port}/${port.protocol}`, port.state, port.service ?? 'unknown', port.reason])];
    lines.push(...formatColumns(table));
  } else if (host.ports.length === 0) {
    lines.push('No ports were scanned on this host.');
  }
  const notes = shown.flatMap((port) => {
    const note = port.state === 'open' ? portNote(port.port, port.protocol) : null;
    return note === null ? [] : [`  ${port.port}/${port.protocol}${note.warning ? ' (!)' : ''}: ${note.note}`];
  });
  if (notes.length > 0) lines.push('', 'Open ports:', ...notes);
  return lines.join('\n');
}
