// How a host's status and a detected service read in text, for the terminal table and the chat
// replies: nmap's phrases, so people who know nmap read them at a glance.
import { findingText, type FindingText } from '../knowledge/index.js';
import type { DetectedService, HostReport, HostStatus, PortResult } from '../scanner/types.js';
import { hostLabel } from './scan-summary.js';

/** 0.31 -> "0.31 ms", 12.3 -> "12 ms": two significant digits, as much as a latency is worth. */
export const formatLatency = (ms: number): string => `${Number(ms.toPrecision(2))} ms`;

/** "web-1 (10.0.0.5) is up (0.31 ms latency)" / "10.0.0.9 seems down (no-response)": nmap's words. */
export function statusPhrase(host: Pick<HostReport, 'target' | 'address'> & { readonly status: HostStatus }): string {
  const { status } = host;
  if (status.state === 'down') return `${hostLabel(host)} seems down (${status.reason})`;
  return `${hostLabel(host)} is up${status.latencyMs === null ? '' : ` (${formatLatency(status.latencyMs)} latency)`}`;
}

/** The phrase as a sentence, as the terminal table prints it under the host's heading. */
export const statusLine = (host: Pick<HostReport, 'target' | 'address'> & { readonly status: HostStatus }): string => `${statusPhrase(host)}.`;

/** The SERVICE column under detection, as nmap -sV writes it: "ssl/http" for HTTP inside TLS. */
export const detectedName = (detected: DetectedService): string => (detected.tls === undefined || detected.name === 'ssl' ? detected.name : `ssl/${detected.name}`);

/** The VERSION column: "OpenSSH 9.2p1 (protocol 2.0)". */
export function versionText(detected: DetectedService): string {
  const main = [detected.product, detected.version].filter((part) => part !== undefined).join(' ');
  if (detected.info === undefined) return main;
  return main === '' ? detected.info : `${main} (${detected.info})`;
}

/** Each finding's text, in the order detection reported them. */
export const findingTexts = (detected: DetectedService | undefined): FindingText[] => (detected?.findings ?? []).map(findingText);

/** "  443/tcp (!): TLS certificate expired 3 days ago (2026-05-29)", one line per finding. */
export const findingLines = (port: PortResult | undefined): string[] =>
  port === undefined ? [] : findingTexts(port.detected).map((finding) => `  ${port.port}/${port.protocol}${finding.severity === 'low' ? '' : ' (!)'}: ${finding.line}`);
