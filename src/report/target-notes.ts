// Notes about the targets rather than the ports: the further addresses of a scanned name (checked
// and allowed, not scanned, as nmap scans a name on its first address) and warnings about what
// was typed. Built from the report's data alone; scanNotes adds them to every kind of answer.
import type { ScanReport } from '../scanner/types.js';

export function targetNotes(report: Pick<ScanReport, 'otherAddresses' | 'targetWarnings'>): string[] {
  const byName = new Map<string, string[]>();
  for (const { target, address } of report.otherAddresses ?? []) byName.set(target, [...(byName.get(target) ?? []), address]);
  const others = [...byName].map(([name, addresses]) => `Other addresses for ${name} (not scanned): ${addresses.join(', ')}`);
  return [...(report.targetWarnings ?? []).map((warning) => `Careful: ${warning}.`), ...others];
}
