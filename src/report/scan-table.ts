// The terminal report of `portbot scan`, laid out like nmap's so people who know nmap read it at
// a glance: one block per host, "Not shown" before the table, then notes on the open ports. The
// rows and columns come from the same table model the chat renderers use.
import type { HostReport, ScanReport } from '../scanner/types.js';
import { findingLines, statusLine } from './detected-text.js';
import { foldedLine, foldPorts } from './fold.js';
import { headerCells, resultTable } from './result-table.js';
import { hostRows } from './scan-reply.js';
import { hasRiskyOpenPort, scanNotes } from './scan-notes.js';
import { formatDuration, hostLabel } from './scan-summary.js';
import { formatColumns } from './text-columns.js';

export function scanTable(report: ScanReport): string {
  // Like nmap, a scan of several addresses shows only the hosts that are up; the last line counts them.
  const several = report.hosts.length > 1;
  const blocks = report.hosts.filter((host) => !several || host.status?.state !== 'down').map(hostBlock);
  const anyWarning = report.hosts.some((host) => hasRiskyOpenPort(host.ports));
  const notes = scanNotes(report, anyWarning).map((note) => `Note: ${note}`);
  const addresses = report.hosts.length === 1 ? '1 address' : `${report.hosts.length} addresses`;
  const up = report.hosts.filter((host) => host.status?.state === 'up').length;
  const upText = report.hosts.some((host) => host.status !== undefined) ? ` (${up} host${up === 1 ? '' : 's'} up)` : '';
  // A cancelled scan is not done: the CLI says what stopped it, once, on stderr.
  const done = report.cancelled ? [] : [`portbot done: ${addresses}${upText} scanned in ${formatDuration(report.durationMs).replace(' s', ' seconds')}`];
  return [...blocks, ...(notes.length > 0 ? [notes.join('\n')] : []), ...done].join('\n\n') + '\n';
}

function hostBlock(host: HostReport): string {
  const lines = [`portbot scan report for ${hostLabel(host)}`];
  if (host.status !== undefined) lines.push(statusLine({ ...host, status: host.status }));
  const { shown, folded } = foldPorts(host.ports);
  const notShown = foldedLine(folded);
  if (notShown !== undefined) lines.push(notShown);
  // One host per block, so the table has no HOST column, as in nmap.
  const table = resultTable(hostRows(host, false, shown));
  if (table.rows.length > 0) {
    lines.push(...formatColumns([headerCells(table), ...table.rows.map((row) => row.cells)]).map((line) => line.trimEnd()));
  } else if (host.ports.length === 0) {
    lines.push('No ports were scanned on this host.');
  }
  // Rows are the shown ports, in order: each port's note, then what detection found there.
  const notes = table.rows.flatMap((row, index) => [
    ...(row.note === undefined ? [] : [`  ${row.note.subject}${row.note.warning ? ' (!)' : ''}: ${row.note.text}`]),
    ...findingLines(shown[index]),
  ]);
  if (notes.length > 0) lines.push('', 'Open ports:', ...notes);
  return lines.join('\n');
}
