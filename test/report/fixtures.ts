// Hand-built scan reports: the report layer is a pure function of them, so no sockets are needed.
import type { HostReport, PortResult, PortState, ScanReport } from '../../src/scanner/types.js';

const REASON: Record<PortState, PortResult['reason']> = { open: 'syn-ack', closed: 'conn-refused', filtered: 'no-response', 'open|filtered': 'no-response' };

export function port(number: number, state: PortState, protocol: PortResult['protocol'] = 'tcp', service: string | null = null): PortResult {
  return { port: number, protocol, state, reason: REASON[state], service, rttMs: state === 'filtered' ? null : 0.2 };
}

export function host(target: string, address: string, ports: readonly PortResult[]): HostReport {
  const summary: Partial<Record<PortState, number>> = {};
  for (const result of ports) summary[result.state] = (summary[result.state] ?? 0) + 1;
  return { target, address, ports, summary };
}

/** 1,000 tcp ports: the listed open ones, everything else closed. */
export function thousandPorts(open: readonly number[]): PortResult[] {
  return Array.from({ length: 1000 }, (_, index) => index + 1).map((number) =>
    open.includes(number) ? port(number, 'open', 'tcp', number === 22 ? 'ssh' : null) : port(number, 'closed'),
  );
}

export const report = (hosts: readonly HostReport[], durationMs = 1234, cancelled = false): ScanReport => ({ hosts, durationMs, cancelled });
