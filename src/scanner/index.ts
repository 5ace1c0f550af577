// Public face of the scanner: `scan` probes already-checked addresses and reports nmap's states;
// `discoverHosts` says whether addresses are up (a /ping), `detectServices` what answers on the
// open ports of a finished report (when a caller decides after the scan, by its size).
export type * from './types.js';
export { scan } from './scan.js';
export { discoverHost, discoverHosts, type DiscoveryOptions } from './discovery/index.js';
export { detectServices, detectHost, type DetectOptions } from './detect/index.js';
