// ScanReport -> neutral Reply: summary, nmap-style rows with folding, a note for each open port,
// explanations of the odd states, follow-up actions, and the full result as a JSON attachment.
import type { Reply, ReplyAction, ReplyRow, ReplyVisibility } from '../commands/reply.js';
import { portNote } from '../knowledge/index.js';
import type { HostReport, PortResult, ScanReport } from '../scanner/types.js';
import { foldedLine, foldPorts } from './fold.js';
import { scanDocument } from './scan-document.js';
import { scanNotes } from './scan-notes.js';
import { hostLabel, hostLine, summaryLine } from './scan-summary.js';

export interface ScanReplyOptions {
  /** The command that produced the report, re-run by the Rescan button. */
  readonly command: string;
  readonly visibility: ReplyVisibility;
}

/** Explain buttons for at most this many open ports: chat platforms cap buttons per message. */
const MAX_EXPLAIN_ACTIONS = 4;

export function scanReply(report: ScanReport, options: ScanReplyOptions): Reply {
  const several = report.hosts.length > 1;
  const rows = report.hosts.flatMap((host) => hostRows(host, several));
  const anyWarning = rows.some((row) => row.warning === true);
  const folded = foldedText(report.hosts, several);
  const reply: Reply = {
    title: `Scan of ${several ? `${report.hosts.length} hosts` : (report.hosts[0]?.target ?? 'nothing')}${report.cancelled ? ' (cancelled)' : ''}`,
    summary: summaryLine(report),
    tone: report.cancelled || anyWarning ? 'warning' : rows.some((row) => row.state === 'open') ? 'success' : 'info',
    visibility: options.visibility,
    rows,
    sections: several ? [{ heading: 'Hosts', text: report.hosts.map(hostLine).join('\n') }] : [],
    notes: scanNotes(report, anyWarning),
    actions: actions(report, options.command),
    attachment: { filename: 'portbot-scan.json', json: scanDocument(report) },
  };
  return folded === undefined ? reply : { ...reply, folded };
}

function hostRows(host: HostReport, several: boolean): ReplyRow[] {
  return foldPorts(host.ports).shown.map((port) => {
    const base = {
      ...(several ? { host: hostLabel(host) } : {}),
      port: `${port.port}/${port.protocol}`,
      state: port.state,
      service: port.service ?? 'unknown',
      reason: port.reason,
    };
    const note = port.state === 'open' ? portNote(port.port, port.protocol) : null;
    return note === null ? base : { ...base, note: note.note, warning: note.warning };
  });
}

function foldedText(hosts: readonly HostReport[], several: boolean): string | undefined {
  const lines = hosts.flatMap((host) => {
    const line = foldedLine(foldPorts(host.ports).folded);
    if (line === undefined) return [];
    return [several ? `${hostLabel(host)}: ${line}` : line];
  });
  return lines.length === 0 ? undefined : lines.join('\n');
}

function actions(report: ScanReport, command: string): ReplyAction[] {
  const open = new Map<string, PortResult>();
  for (const host of report.hosts) for (const port of host.ports) if (port.state === 'open') open.set(`${port.port}/${port.protocol}`, port);
  const explain = [...open]
    .slice(0, MAX_EXPLAIN_ACTIONS)
    .map(([label, port]): ReplyAction => ({ kind: 'explain', label: `Explain ${label}`, query: String(port.port) }));
  return [{ kind: 'rescan', label: 'Rescan', command }, ...explain];
}
