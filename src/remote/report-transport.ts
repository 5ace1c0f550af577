// A ScanReport in a form that survives JSON and a queue: each host's ports as the store's sheets
// (store/port-sheet.ts), so a full-range result is a few ranges and the open ports, not 65,535
// objects, and the bot reads back a ScanReport-like value that renders as a local scan does.
import { z } from 'zod';
import type { ScanReport } from '../scanner/types.js';
import { sheetsOf } from '../store/port-sheet.js';
import type { StoredHost } from '../store/types.js';
import { scanAddressSchema, storedHostSchema } from './report-schema.js';
import { SheetPortList } from './sheet-port-list.js';

/** A ScanReport whose hosts carry their ports as sheets; the other fields are the report's own. */
export interface TransportReport extends Omit<ScanReport, 'hosts'> {
  readonly hosts: readonly StoredHost[];
}

export const transportReportSchema: z.ZodType<TransportReport> = z.strictObject({
  hosts: z.array(storedHostSchema).max(65_536),
  durationMs: z.number().int().min(0),
  cancelled: z.boolean(),
  otherAddresses: z.array(scanAddressSchema).max(65_536).exactOptional(),
  targetWarnings: z.array(z.string().max(1000)).max(256).exactOptional(),
});

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
