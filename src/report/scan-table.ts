// The terminal report of `portbot scan`, laid out like nmap's so people who know nmap read it at
// a glance: one block per host, "Not shown" before the table, then notes on the open ports. The
// rows and columns come from the same table model the chat renderers use.
import type { HostReport, ScanReport } from '../scanner/types.js';
import { foldedLine, foldPorts } from './fold.js';
import { headerCells, resultTable } from './result-table.js';
import { hostRows } from './scan-reply.js';
import { hasRiskyOpenPort, scanNotes } from './scan-notes.js';
import { formatDuration, hostLabel } from './scan-summary.js';
import { formatColumns } from './text-columns.js';

export function scanTable(report: ScanReport): string {
  const blocks = report.hosts.map(hostBlock);
  const anyWarning = report.hosts.some((host) => hasRiskyOpenPort(host.ports));
  const notes = scanNotes(report, anyWarning).map((note) => `Note: ${note}`);
  const addresses = report.hosts.length === 1 ? '1 address' : `${report.hosts.length} addresses`;
  const done = `portbot done: ${addresses} scanned in ${formatDuration(report.durationMs).replace(' s', ' seconds')}${report.cancelled ? ' (cancelled)' : ''}`;
  return [...blocks, ...(notes.length > 0 ? [notes.join('\n')] : []), done].join('\n\n') + '\n';
}

function hostBlock(host: HostReport): string {
  const lines = [`portbot scan report for ${hostLabel(host)}`];
  const { shown, folded } = foldPorts(host.ports);
  const notShown = foldedLine(folded);
  if (notShown !== undefined) lines.push(notShown);
  // One host per block, so the table has no HOST column, as in nmap.
  const table = resultTable(hostRows(host, false, shown));
  if (table.rows.length > 0) {
    lines.push(...formatColumns([headerCells(table), ...table.rows.map((row) => row.cells)]));
  } else if (host.ports.length === 0) {
    lines.push('No ports were scanned on this host.');
  }
  const notes = table.rows.flatMap((row) => (row.note === undefined ? [] : [`  ${row.note.subject}${row.note.warning ? ' (!)' : ''}: ${row.note.text}`]));
  if (notes.length > 0) lines.push('', 'Open ports:', ...notes);
  return lines.join('\n');
}
