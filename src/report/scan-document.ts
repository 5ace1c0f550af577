// The JSON document of DESIGN.md, shared by `portbot scan --json` and the attachment of chat
// replies, so scripts and people who download the file read the same shape.
import type { PortResult, ScanReport, StateSummary } from '../scanner/types.js';

export interface ScanDocumentPort {
  readonly port: number;
  readonly protocol: PortResult['protocol'];
  readonly state: PortResult['state'];
  readonly reason: PortResult['reason'];
  readonly service: string | null;
  readonly rttMs: number | null;
}

export interface ScanDocumentHost {
  readonly target: string;
  readonly address: string;
  /** Every scanned port, closed ones included. */
  readonly ports: readonly ScanDocumentPort[];
  readonly summary: StateSummary;
}

export interface ScanDocument {
  readonly hosts: readonly ScanDocumentHost[];
  readonly durationMs: number;
  /** Present (true) only when the scan was stopped early; `hosts` then holds what was finished. */
  readonly cancelled?: true;
}

export function scanDocument(report: ScanReport): ScanDocument {
  const hosts = report.hosts.map((host) => ({
    target: host.target,
    address: host.address,
    // Copy field by field: the document's shape is a contract, whatever else a result may carry.
    ports: host.ports.map(({ port, protocol, state, reason, service, rttMs }) => ({ port, protocol, state, reason, service, rttMs })),
    summary: host.summary,
  }));
  const durationMs = Math.round(report.durationMs);
  return report.cancelled ? { hosts, durationMs, cancelled: true } : { hosts, durationMs };
}
