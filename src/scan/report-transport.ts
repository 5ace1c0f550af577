// A scan report in a form that survives JSON, for executors in another process (a zone's agent):
// each host's ports as the store's port sheets (folded like nmap's "Not shown", so a full range
// with three open ports is a few hundred bytes, not 65,535 objects), rebuilt on arrival into a
// report whose port list reads like the scanner's own.
import type { HostReport, PortResult, PortResultList, Protocol, ScanReport, ServiceNamer } from '../scanner/types.js';
import { SheetReader, sheetsOf } from '../store/port-sheet.js';
import type { PortSheet } from '../store/types.js';

/** A host with its ports as sheets instead of the scanner's list. */
export type TransportHost = Omit<HostReport, 'ports'> & { readonly sheets: Partial<Record<Protocol, PortSheet>> };

export type TransportReport = Omit<ScanReport, 'hosts'> & { readonly hosts: readonly TransportHost[] };

export function encodeReport(report: ScanReport): TransportReport {
  const hosts = report.hosts.map((host) => ({
    target: host.target,
    address: host.address,
    ...(host.status === undefined ? {} : { status: host.status }),
    summary: host.summary,
    sheets: sheetsOf(host.ports),
  }));
  const { durationMs, cancelled, otherAddresses, targetWarnings } = report;
  return { hosts, durationMs, cancelled, ...(otherAddresses === undefined ? {} : { otherAddresses }), ...(targetWarnings === undefined ? {} : { targetWarnings }) };
}

/** The report again; folded ports get their service name from `names` (the sheet keeps none for them). */
export function decodeReport(transport: TransportReport, names: ServiceNamer = () => null): ScanReport {
  const hosts: HostReport[] = transport.hosts.map((host) => ({
    target: host.target,
    address: host.address,
    ...(host.status === undefined ? {} : { status: host.status }),
    summary: host.summary,
    ports: new SheetPorts(host.sheets, names),
  }));
  const { durationMs, cancelled, otherAddresses, targetWarnings } = transport;
  return { hosts, durationMs, cancelled, ...(otherAddresses === undefined ? {} : { otherAddresses }), ...(targetWarnings === undefined ? {} : { targetWarnings }) };
}

/** TCP then UDP, each in port order, built one result at a time like the scanner's lists. */
class SheetPorts implements PortResultList {
  private readonly parts: { readonly protocol: Protocol; readonly reader: SheetReader; readonly firstIndex: number; readonly count: number }[] = [];
  readonly length: number;

  constructor(
    sheets: Partial<Record<Protocol, PortSheet>>,
    private readonly names: ServiceNamer,
  ) {
    let index = 0;
    for (const protocol of ['tcp', 'udp'] as const) {
      const sheet = sheets[protocol];
      if (sheet === undefined) continue;
      const count = sheet.ranges.reduce((sum, [first, last]) => sum + last - first + 1, 0);
      this.parts.push({ protocol, reader: new SheetReader(sheet), firstIndex: index, count });
      index += count;
    }
    this.length = index;
  }

  at(index: number): PortResult | undefined {
    const part = this.parts.find((candidate) => index >= candidate.firstIndex && index < candidate.firstIndex + candidate.count);
    if (part === undefined) return undefined;
    let offset = index - part.firstIndex;
    for (const [first, last] of part.reader.sheet.ranges) {
      const size = last - first + 1;
      if (offset < size) return this.result(part.protocol, part.reader, first + offset);
      offset -= size;
    }
    return undefined;
  }

  *[Symbol.iterator](): Iterator<PortResult> {
    for (const part of this.parts) for (const [first, last] of part.reader.sheet.ranges) for (let port = first; port <= last; port++) yield this.result(part.protocol, part.reader, port);
  }

  toJSON(): PortResult[] {
    return [...this];
  }

  private result(protocol: Protocol, reader: SheetReader, port: number): PortResult {
    const stored = reader.lookup(port)!;
    const { state, reason, rttMs, detected } = stored;
    const service = stored.service ?? this.names(port, protocol);
    return { port, protocol, state, reason, service, rttMs, ...(detected === undefined ? {} : { detected }) };
  }
}
