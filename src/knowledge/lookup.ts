import type { Protocol } from '../scanner/types.js';
import type { PortNote } from './types.js';

/** Service name for a port (curated list, else IANA), or null. STUB: replaced by the knowledge work. */
export function serviceName(_port: number, _protocol: Protocol): string | null {
  return null;
}

/** One-line note and warning mark for an open port, or null when portbot knows nothing useful. STUB. */
export function portNote(_port: number, _protocol: Protocol): PortNote | null {
  return null;
}
