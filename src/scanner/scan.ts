import type { PortProbe, ScanAddress, ScanOptions, ScanReport } from './types.js';

/** Probes every port on every address; never resolves a name. STUB: replaced by the scanner work. */
export function scan(_addresses: readonly ScanAddress[], _ports: readonly PortProbe[], _options: ScanOptions = {}): Promise<ScanReport> {
  return Promise.reject(new Error('scan: not implemented yet'));
}
