// The JSON document of DESIGN.md, shared by `portbot scan --json` and the attachment of chat
// replies, so scripts and people who download the file read the same shape.
import type { HostReport, HostStatus, PortResult, ScanReport } from '../scanner/types.js';

/** The port fields of the contract: exactly these (`detected` only on open ports that detection named), whatever else a PortResult may carry one day. */
export type ScanDocumentPort = Pick<PortResult, 'port' | 'protocol' | 'state' | 'reason' | 'service' | 'rttMs' | 'detected'>;

export type ScanDocumentHost = Pick<HostReport, 'target' | 'address' | 'status' | 'summary'> & {
  /** Every scanned port, closed ones included. */
  readonly ports: readonly ScanDocumentPort[];
};

export interface ScanDocument {
  readonly hosts: readonly ScanDocumentHost[];
  readonly durationMs: number;
  /** Present (true) only when the scan was stopped early; `hosts` then holds what was finished. */
  readonly cancelled?: true;
}

// Copy field by field: the document's shape is a contract, whatever else a result may carry.
const documentStatus = ({ state, reason, latencyMs }: HostStatus): HostStatus => ({ state, reason, latencyMs });
const documentPort = ({ port, protocol, state, reason, service, rttMs, detected }: PortResult): ScanDocumentPort =>
  detected === undefined ? { port, protocol, state, reason, service, rttMs } : { port, protocol, state, reason, service, rttMs, detected };

export function scanDocument(report: ScanReport): ScanDocument {
  const hosts = report.hosts.map((host) => ({
    target: host.target,
    address: host.address,
    ...(host.status === undefined ? {} : { status: documentStatus(host.status) }),
    ports: Array.from(host.ports, documentPort),
    summary: host.summary,
  }));
  const durationMs = Math.round(report.durationMs);
  return report.cancelled ? { hosts, durationMs, cancelled: true } : { hosts, durationMs };
}

const jsonNumber = (value: number | null): string => (value !== null && Number.isFinite(value) ? String(value) : 'null');

/**
 * One port as JSON.stringify(documentPort(port)) writes it, without the copy and the generic
 * serialiser: 65,535 of them took a sixth of a second. Protocol, state and reason are closed sets
 * of plain words; the service name comes from outside (IANA) and is escaped.
 */
const portJson = (port: PortResult): string =>
  // The few ports with a detected service go through JSON.stringify: their text came from servers.
  port.detected !== undefined
    ? JSON.stringify(documentPort(port))
    : `{"port":${port.port},"protocol":"${port.protocol}","state":"${port.state}","reason":"${port.reason}","service":${port.service === null ? 'null' : JSON.stringify(port.service)},"rttMs":${jsonNumber(port.rttMs)}}`;

/**
 * The same document as `scanDocument`, serialised a line at a time (one port per line) for
 * `portbot scan --json`. A full-range scan is 65,535 ports: building the whole object tree and
 * one pretty-printed string first would double the CLI's peak memory for no reader's benefit.
 */
export function* scanDocumentLines(report: ScanReport): Generator<string> {
  yield '{"hosts":[';
  for (const [hostIndex, host] of report.hosts.entries()) {
    const status = host.status === undefined ? '' : `,"status":${JSON.stringify(documentStatus(host.status))}`;
    const hostHead = `{"target":${JSON.stringify(host.target)},"address":${JSON.stringify(host.address)}${status},"ports":[`;
    yield hostIndex === 0 ? hostHead : `,${hostHead}`;
    const last = host.ports.length - 1;
    for (let index = 0; index <= last; index++) {
      const line = portJson(host.ports.at(index)!);
      yield index < last ? `${line},` : line;
    }
    yield `],"summary":${JSON.stringify(host.summary)}}`;
  }
  const cancelled = report.cancelled ? ',"cancelled":true' : '';
  yield `],"durationMs":${Math.round(report.durationMs)}${cancelled}}`;
}
