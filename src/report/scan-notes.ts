// Plain-language notes under a scan result: what the less obvious states mean, so a newcomer
// is not left guessing why a UDP port says open|filtered or a port says filtered.
import type { PortResult, ScanReport } from '../scanner/types.js';
import { formatCount } from './fold.js';

export function scanNotes(report: ScanReport, anyWarning: boolean): string[] {
  const ports: PortResult[] = report.hosts.flatMap((host) => [...host.ports]);
  const notes: string[] = [];
  if (report.cancelled) {
    notes.push(`The scan was cancelled: these results cover only the ${formatCount(ports.length)} ports finished before it stopped.`);
  }
  if (ports.length > 0 && !ports.some((port) => port.state === 'open')) {
    notes.push('No open ports: none of these ports answered as open.');
  }
  if (anyWarning) {
    notes.push('Ports marked with a warning run services that are risky to expose beyond a trusted network.');
  }
  if (ports.some((port) => port.state === 'filtered')) {
    notes.push(
      'filtered: no answer came back (or an ICMP error did), so a firewall is probably dropping or rejecting the probes; the port may be open behind it.',
    );
  }
  if (ports.some((port) => port.state === 'open|filtered')) {
    notes.push(
      'open|filtered (UDP): nothing came back, which is what both an open service that ignores unexpected packets and a firewall that drops them look like. Some services, such as syslog (514/udp), never answer at all.',
    );
  }
  return notes;
}
