// The answer to /ping: up or down, how far away, and what proved it, in nmap's words; a block
// lists the hosts that are up and counts the rest. The reason is explained, because "conn-refused
// means up" surprises people who meet it for the first time.
import type { Reply, ReplyVisibility } from '../commands/reply.js';
import { DISCOVERY_PORTS } from '../scanner/discovery/index.js';
import type { HostReason, HostStatus, ScanAddress } from '../scanner/types.js';
import { statusPhrase } from './detected-text.js';
import { formatCount } from './fold.js';
import { formatDuration, hostLabel } from './scan-summary.js';
import { targetNotes } from './target-notes.js';

export interface PingedHost {
  readonly target: string;
  readonly address: string;
  readonly status: HostStatus;
}

export interface PingReport {
  readonly hosts: readonly PingedHost[];
  readonly durationMs: number;
  readonly cancelled: boolean;
  readonly otherAddresses?: readonly ScanAddress[];
  readonly targetWarnings?: readonly string[];
}

/** Down hosts named one by one up to this many; beyond it they are only counted. */
const MAX_NAMED_DOWN = 10;
const PORTS = DISCOVERY_PORTS.join(', ');

const REASON_TEXT: Readonly<Record<HostReason, string>> = {
  'syn-ack': `syn-ack: it accepted a TCP connection on one of ${PORTS}.`,
  'conn-refused': `conn-refused: it refused a TCP connection on one of ${PORTS}; only a running host answers with a refusal, so it is up even though that port is closed.`,
  'echo-reply': `echo-reply: it answered an ICMP echo (ping), though none of ${PORTS} answered a TCP connection.`,
  'no-response': `no-response: nothing answered within 1.5 s, neither a TCP connection to ${PORTS} nor an ICMP echo. The host may be off, or a firewall drops all of it; a /scan still tries its ports.`,
};

const phrase = (host: PingedHost): string => `${statusPhrase(host)}.`;

/** "3 hosts up, 13 down" */
export function pingCount(hosts: readonly PingedHost[]): string {
  const up = hosts.filter((host) => host.status.state === 'up').length;
  const down = hosts.length - up;
  return `${formatCount(up)} host${up === 1 ? '' : 's'} up${down > 0 ? `, ${formatCount(down)} down` : ''}`;
}

/** The lines that list a ping's hosts: each up host, then the down ones named when few, else counted. */
export function pingLines(report: PingReport): string[] {
  if (report.hosts.length === 1) return report.hosts.map(phrase);
  const down = report.hosts.filter((host) => host.status.state === 'down');
  const lines = report.hosts.filter((host) => host.status.state === 'up').map(phrase);
  if (down.length > 0 && down.length <= MAX_NAMED_DOWN) lines.push(`Seem down (no-response): ${down.map(hostLabel).join(', ')}`);
  else if (down.length > 0) lines.push(`${formatCount(down.length)} hosts seem down (no-response) and are not listed.`);
  return lines;
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
    summary: only === undefined ? `${pingCount(report.hosts)}, in ${formatDuration(report.durationMs)}` : phrase(only),
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
