// Plain-language notes under a scan result: what the less obvious states mean, so a newcomer
// is not left guessing why a UDP port says open|filtered or a port says filtered.
import { portNote } from '../knowledge/index.js';
import { stateTotals } from '../scanner/summary.js';
import type { PortResultList, ScanReport } from '../scanner/types.js';
import { targetNotes } from './target-notes.js';

export function scanNotes(report: ScanReport, anyWarning: boolean): string[] {
  const states = stateTotals(report.hosts);
  const finished = [...states.values()].reduce((sum, count) => sum + count, 0);
  const notes: string[] = targetNotes(report);
  // A cancelled scan says so in its title and summary ("cancelled after 2,000 ports"), the CLI on
  // its one stderr line: no note repeats it.
  if (finished > 0 && !states.has('open')) notes.push('None of the scanned ports is open.');
  if (anyWarning) {
    notes.push('Ports marked with a warning run services that are risky to expose beyond a trusted network.');
  }
  if (states.has('filtered')) {
    notes.push(
      'filtered: no answer came back (or an ICMP error did), so a firewall is probably dropping or rejecting the probes; the port may be open behind it.',
    );
  }
  if (states.has('open|filtered')) {
    notes.push(
      'open|filtered (UDP): nothing came back, which is what both an open service that ignores unexpected packets and a firewall that drops them look like. Some services, such as syslog (514/udp), never answer at all.',
    );
  }
  return notes;
}

/** Whether any open port runs a service portbot marks as risky to expose (the warning note's cue). */
export function hasRiskyOpenPort(ports: PortResultList): boolean {
  for (const port of ports) if (port.state === 'open' && portNote(port.port, port.protocol)?.warning === true) return true;
  return false;
}
