// How a host's status and a detected service read in text, for the terminal table and (later)
// the chat replies: nmap's phrases, so people who know nmap read them at a glance.
import { findingText, type FindingText } from '../knowledge/index.js';
import type { DetectedService, HostReport, HostStatus, PortResult } from '../scanner/types.js';
import type { ResultTable } from './result-table.js';
import { hostLabel } from './scan-summary.js';

/** 0.31 -> "0.31 ms", 12.3 -> "12 ms": two significant digits, as much as a latency is worth. */
export const formatLatency = (ms: number): string => `${Number(ms.toPrecision(2))} ms`;

/** "web-1 (10.0.0.5) is up (0.31 ms latency)." / "10.0.0.9 seems down (no-response)." */
export function statusLine(host: Pick<HostReport, 'target' | 'address'> & { readonly status: HostStatus }): string {
  const { status } = host;
  if (status.state === 'down') return `${hostLabel(host)} seems down (${status.reason}).`;
  return `${hostLabel(host)} is up${status.latencyMs === null ? '' : ` (${formatLatency(status.latencyMs)} latency)`}.`;
}

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

/**
 * A table's text cells (header first) with what detection found, as nmap -sV prints it: SERVICE
 * says what answered, and a VERSION column what it told. Unchanged when nothing was detected.
 * `ports` are the table's rows, in order.
 */
export function withDetected(cells: readonly (readonly string[])[], table: ResultTable, ports: readonly PortResult[]): string[][] {
  if (!ports.some((port) => port.detected !== undefined)) return cells.map((row) => [...row]);
  const service = table.columns.findIndex((column) => column.key === 'service');
  return cells.map((row, index) => {
    if (index === 0) return [...row, 'VERSION'];
    const detected = ports[index - 1]?.detected;
    if (detected === undefined) return [...row, ''];
    return [...row.map((cell, column) => (column === service ? detectedName(detected) : cell)), versionText(detected)];
  });
}
