// ScanReport -> neutral Reply: summary, nmap-style rows with folding, a note for each open port,
// explanations of the odd states, follow-up actions, and the full result as a JSON attachment.
import type { Reply, ReplyAction, ReplyRow, ReplyVisibility } from './reply.js';
import { portNote } from '../knowledge/index.js';
import type { HostReport, PortResult, ScanReport } from '../scanner/types.js';
import { foldedLine, foldPorts } from './fold.js';
import { scanDocument } from './scan-document.js';
import { scanNotes } from './scan-notes.js';
import { detectedFields } from './detected-rows.js';
import { detectionActions, detectionNotes, findingNotes } from './detection-notes.js';
import { discoveryNotes, hostsText, scanSummary, shownHosts } from './scan-hosts.js';
import { hostLabel } from './scan-summary.js';

export interface ScanReplyOptions {
  /** The command that produced the report, re-run by the Rescan button. */
  readonly command: string;
  readonly visibility: ReplyVisibility;
}

/** Explain buttons for at most this many open ports: chat platforms cap buttons per message. */
const MAX_EXPLAIN_ACTIONS = 4;

export function scanReply(report: ScanReport, options: ScanReplyOptions): Reply {
  const several = report.hosts.length > 1;
  // Hosts that seem down in a block are counted, not listed (scan-hosts.ts).
  const hosts = shownHosts(report);
  const rows = hosts.flatMap((host) => hostRows(host, several));
  const anyWarning = rows.some((row) => row.warning === true);
  const anyFinding = rows.some((row) => row.findings?.some((finding) => finding.warning) === true);
  const folded = foldedText(hosts, several);
  const reply: Reply = {
    title: `Scan of ${several ? `${report.hosts.length} hosts` : (report.hosts[0]?.target ?? 'nothing')}${report.cancelled ? ' (cancelled)' : ''}`,
    summary: scanSummary(report),
    tone: report.cancelled || anyWarning || anyFinding ? 'warning' : rows.some((row) => row.state === 'open') ? 'success' : 'info',
    visibility: options.visibility,
    rows,
    sections: several ? [{ heading: 'Hosts', text: hostsText(report) }] : [],
    notes: [...scanNotes(report, anyWarning), ...findingNotes(hosts), ...detectionNotes(report, options.command), ...discoveryNotes(report)],
    actions: [...actions(report, options.command), ...detectionActions(report, options.command)],
    attachment: { filename: 'portbot-scan.json', json: scanDocument(report) },
  };
  return folded === undefined ? reply : { ...reply, folded };
}

/** The listed (unfolded) ports of one host as rows; `several`: name the host in each row. */
export function hostRows(host: HostReport, several: boolean, shown: readonly PortResult[] = foldPorts(host.ports).shown): ReplyRow[] {
  return shown.map((port) => {
    const base = {
      ...(several ? { host: hostLabel(host) } : {}),
      port: `${port.port}/${port.protocol}`,
      state: port.state,
      service: port.service ?? 'unknown',
      reason: port.reason,
    };
    const note = port.state === 'open' ? portNote(port.port, port.protocol) : null;
    const detected = { ...base, ...detectedFields(port) };
    return note === null ? detected : { ...detected, note: note.note, warning: note.warning };
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
  const open = new Set<string>();
  for (const host of report.hosts) for (const port of host.ports) if (port.state === 'open') open.add(`${port.port}/${port.protocol}`);
  // The query names the protocol: 53/tcp and 53/udp open on one host are two buttons, and
  // Discord refuses a message whose buttons share an id (the id carries the query).
  const explain = [...open.keys()]
    .slice(0, MAX_EXPLAIN_ACTIONS)
    .map((portName): ReplyAction => ({ kind: 'explain', label: `Explain ${portName}`, query: portName }));
  return [{ kind: 'rescan', label: 'Rescan', command }, ...explain];
}
