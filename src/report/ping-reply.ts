// The answer to /ping: up or down, how far away, and what proved it, in nmap's words; a block
// lists the hosts that are up and counts the rest. The reason is explained, because "conn-refused
// means up" surprises people who meet it for the first time.
import type { Reply, ReplyVisibility } from '../report/reply.js';
import { DISCOVERY_PORTS } from '../scanner/discovery/index.js';
import type { HostReason, HostReport, HostStatus, ScanReport } from '../scanner/types.js';
import { statusLine } from './detected-text.js';
import { formatCount } from './fold.js';
import { downLines, hostCount } from './scan-hosts.js';
import { formatDuration } from './scan-summary.js';
import { targetNotes } from './target-notes.js';

export type PingedHost = Pick<HostReport, 'target' | 'address'> & { readonly status: HostStatus };

/** A ping's answer: the scan report's shape, with hosts that have a status and no ports. */
export type PingReport = Pick<ScanReport, 'durationMs' | 'cancelled' | 'otherAddresses' | 'targetWarnings'> & { readonly hosts: readonly PingedHost[] };

const PORTS = DISCOVERY_PORTS.join(', ');

const REASON_TEXT: Readonly<Record<HostReason, string>> = {
  'syn-ack': `syn-ack: it accepted a TCP connection on one of ${PORTS}.`,
  'conn-refused': `conn-refused: it refused a TCP connection on one of ${PORTS}; only a running host answers with a refusal, so it is up even though that port is closed.`,
  'echo-reply': `echo-reply: it answered an ICMP echo (ping), though none of ${PORTS} answered a TCP connection.`,
  'no-response': `no-response: nothing answered within 1.5 s, neither a TCP connection to ${PORTS} nor an ICMP echo. The host may be off, or a firewall drops all of it; a /scan still tries its ports.`,
};

/** The lines that list a ping's hosts: each up host, then the down ones named when few, else counted. */
export function pingLines(report: PingReport): string[] {
  if (report.hosts.length === 1) return report.hosts.map(statusLine);
  return [...report.hosts.filter((host) => host.status.state === 'up').map(statusLine), ...downLines(report.hosts)];
}

export interface PingReplyOptions {
  /** The command that produced the report, re-run by the Ping again button. */
  readonly command: string;
  readonly visibility: ReplyVisibility;
}

export function pingReply(report: PingReport, options: PingReplyOptions): Reply {
  const only = report.hosts.length === 1 ? report.hosts[0] : undefined;
  const up = report.hosts.some((host) => host.status.state === 'up');
  const reasons = [...new Set(report.hosts.map((host) => host.status.reason))];
  const cancelled = report.cancelled ? ' (cancelled)' : '';
  return {
    title: `Ping of ${only === undefined ? `${formatCount(report.hosts.length)} hosts` : only.target}${cancelled}`,
    summary: only === undefined ? `${hostCount(report.hosts) ?? 'no host decided'}, in ${formatDuration(report.durationMs)}` : statusLine(only),
    tone: report.cancelled || !up ? 'warning' : 'success',
    visibility: options.visibility,
    rows: [],
    sections: only === undefined && report.hosts.length > 0 ? [{ heading: 'Hosts', text: pingLines(report).join('\n') }] : [],
    notes: [...targetNotes(report), ...reasons.map((reason) => REASON_TEXT[reason])],
    actions: [
      { kind: 'rescan', label: 'Ping again', command: options.command },
      ...(only?.status.state === 'up' ? [{ kind: 'rescan' as const, label: 'Scan its ports', command: `/scan ${only.target}` }] : []),
    ],
    attachment: { filename: 'portbot-ping.json', json: pingDocument(report) },
  };
}

/** `portbot ping --json` and the chat attachment: every host with its status, as the scan document has it. */
export function pingDocument(report: PingReport): unknown {
  const hosts = report.hosts.map(({ target, address, status }) => ({ target, address, status: { state: status.state, reason: status.reason, latencyMs: status.latencyMs } }));
  const durationMs = Math.round(report.durationMs);
  return report.cancelled ? { hosts, durationMs, cancelled: true } : { hosts, durationMs };
}
