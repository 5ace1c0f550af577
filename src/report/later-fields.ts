// Fields that service detection and host discovery will add to the scanner's results (open ports
// gain `detected`, hosts gain `status`; DESIGN.md's JSON contract names both). The documents
// written here already put them where nmap does, so they are read defensively until the scanner's
// types declare them: whatever is present and well-formed is used, anything else is ignored.
import type { HostReport, PortResult } from '../scanner/types.js';

/** What service detection found on an open port; every part optional. */
export interface DetectedService {
  readonly name?: string;
  readonly product?: string;
  readonly version?: string;
  /** Extra detail (nmap's extrainfo), e.g. "protocol 2.0" or "Ubuntu". */
  readonly info?: string;
}

/** A host's state as host discovery saw it, with nmap's reason word. */
export interface HostStatus {
  readonly state: 'up' | 'down' | 'unknown';
  readonly reason: string;
}

const HOST_STATES: readonly string[] = ['up', 'down', 'unknown'];

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

export function detectedService(port: PortResult): DetectedService | undefined {
  const detected: unknown = (port as { readonly detected?: unknown }).detected;
  if (typeof detected !== 'object' || detected === null) return undefined;
  const fields = detected as Record<string, unknown>;
  const found: { -readonly [K in keyof DetectedService]: string } = {};
  for (const key of ['name', 'product', 'version', 'info'] as const) {
    const value = text(fields[key]);
    if (value !== undefined) found[key] = value;
  }
  return Object.keys(found).length > 0 ? found : undefined;
}

/** The status host discovery recorded, as an object or a bare state word; undefined when absent. */
export function recordedHostStatus(host: HostReport): HostStatus | undefined {
  const status: unknown = (host as { readonly status?: unknown }).status;
  const fields = typeof status === 'object' && status !== null ? (status as Record<string, unknown>) : { state: status };
  const state = text(fields['state']);
  if (state === undefined || !HOST_STATES.includes(state)) return undefined;
  return { state: state as HostStatus['state'], reason: text(fields['reason']) ?? 'unknown' };
}
