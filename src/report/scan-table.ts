// The terminal report of `portbot scan`, laid out like nmap's so people who know nmap read it at
// a glance: one block per host, "Not shown" before the table, then notes on the open ports.
import { portNote } from '../knowledge/index.js';
import type { HostReport, ScanReport } from '../scanner/types.js';
import { detectedName, findingTexts, statusLine, versionText } from './detected-text.js';
import { foldedLine, foldPorts } from './fold.js';
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
  const done = `portbot done: ${addresses}${upText} scanned in ${formatDuration(report.durationMs).replace(' s', ' seconds')}${report.cancelled ? ' (cancelled)' : ''}`;
  return [...blocks, ...(notes.length > 0 ? [notes.join('\n')] : []), done].join('\n\n') + '\n';
}

function hostBlock(host: HostReport): string {
  const { shown, folded } = foldPorts(host.ports);
  const lines = [`portbot scan report for ${hostLabel(host)}`];
  if (host.status !== undefined) lines.push(statusLine({ ...host, status: host.status }));
  const notShown = foldedLine(folded);
  if (notShown !== undefined) lines.push(notShown);
  if (shown.length > 0) {
    // With detection, SERVICE says what answered (as nmap -sV does) and VERSION what it told.
    const versions = shown.some((port) => port.detected !== undefined);
    const table = [
      ['PORT', 'STATE', 'SERVICE', 'REASON', ...(versions ? ['VERSION'] : [])],
      ...shown.map((port) => [
        `${port.port}/${port.protocol}`,
        port.state,
        port.detected === undefined ? (port.service ?? 'unknown') : detectedName(port.detected),
        port.reason,
        ...(versions ? [port.detected === undefined ? '' : versionText(port.detected)] : []),
      ]),
    ];
    lines.push(...formatColumns(table).map((line) => line.trimEnd()));
  } else if (host.ports.length === 0) {
    lines.push('No ports were scanned on this host.');
  }
  const notes = shown.flatMap((port) => {
    const note = port.state === 'open' ? portNote(port.port, port.protocol) : null;
    const found = findingTexts(port.detected).map((finding) => `  ${port.port}/${port.protocol}${finding.severity === 'low' ? '' : ' (!)'}: ${finding.line}`);
    return note === null ? found : [`  ${port.port}/${port.protocol}${note.warning ? ' (!)' : ''}: ${note.note}`, ...found];
  });
  if (notes.length > 0) lines.push('', 'Open ports:', ...notes);
  return lines.join('\n');
}
