// A ScanReport in a form that survives JSON and a queue (an agent's result, an executor in another
// process): each host's ports as the store's sheets (store/port-sheet.ts), folded like nmap's "Not
// shown", so a full-range result is a few ranges and the open ports, not 65,535 objects. The
// receiver reads back a ScanReport whose ports render, fold and serialise as a local scan's do.
// (remote/report-schema.ts checks one with zod before a bot trusts it.)
import type { ScanReport } from '../scanner/types.js';
import { sheetsOf } from '../store/port-sheet.js';
import type { StoredHost } from '../store/types.js';
import { SheetPortList } from './sheet-port-list.js';

/** A ScanReport whose hosts carry their ports as sheets; the other fields are the report's own. */
export interface TransportReport extends Omit<ScanReport, 'hosts'> {
  readonly hosts: readonly StoredHost[];
}

export function encodeReport(report: ScanReport): TransportReport {
  const { otherAddresses, targetWarnings } = report;
  return {
    hosts: report.hosts.map((host) => ({ target: host.target, address: host.address, summary: host.summary, status: host.status ?? null, sheets: sheetsOf(host.ports) })),
    durationMs: Math.max(0, Math.round(report.durationMs)),
    cancelled: report.cancelled,
    ...(otherAddresses !== undefined && otherAddresses.length > 0 ? { otherAddresses: otherAddresses.map(({ target, address, family }) => ({ target, address, family })) } : {}),
    ...(targetWarnings !== undefined && targetWarnings.length > 0 ? { targetWarnings } : {}),
  };
}

/** The ScanReport a transport report stands for: ports are read from the sheets as they are asked for. */
export function decodeReport(transport: TransportReport): ScanReport {
  const { otherAddresses, targetWarnings } = transport;
  return {
    hosts: transport.hosts.map((host) => ({
      target: host.target,
      address: host.address,
      ...(host.status === null ? {} : { status: host.status }),
      ports: new SheetPortList(host.sheets),
      summary: host.summary,
    })),
    durationMs: transport.durationMs,
    cancelled: transport.cancelled,
    ...(otherAddresses === undefined ? {} : { otherAddresses }),
    ...(targetWarnings === undefined ? {} : { targetWarnings }),
  };
}
