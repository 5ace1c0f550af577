// Public face of the scanner: `scan` probes already-checked addresses and reports nmap's states.
export type * from './types.js';
export { scan } from './scan.js';
