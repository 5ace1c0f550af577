// The per-port lookups the scanners and the scan report call for every port, so each call is one
// Map lookup; the table is built once, at first use, from the curated list and the IANA registry.
import type { Protocol } from '../scanner/types.js';
import { curatedFor, curatedOnPort } from './curated.js';
import { describes, ianaEntry, ianaName } from './iana.js';
import { curatedPorts } from './ports/index.js';
import type { PortNote } from './types.js';

const tableKey = (port: number, protocol: Protocol): number => port * 2 + (protocol === 'udp' ? 1 : 0);

/** Curated names override IANA's (e.g. "http" where the registry says "www-http"). */
let curatedNames: Map<number, string> | undefined;

function buildCuratedNames(): Map<number, string> {
  const table = new Map<number, string>();
  for (const entry of curatedPorts) {
    for (const protocol of entry.transports) table.set(tableKey(entry.port, protocol), entry.service);
  }
  return table;
}

/** Service name for a port (curated list, else IANA), or null. */
export function serviceName(port: number, protocol: Protocol): string | null {
  curatedNames ??= buildCuratedNames();
  return curatedNames.get(tableKey(port, protocol)) ?? ianaName(port, protocol);
}

const NOTE_LENGTH = 100;
const oneLine = (text: string): string => (text.length <= NOTE_LENGTH ? text : `${text.slice(0, NOTE_LENGTH - 1).trimEnd()}…`);

/** One-line note and warning mark for an open port, or null when portbot knows nothing useful. */
export function portNote(port: number, protocol: Protocol): PortNote | null {
  const entry = curatedFor(port, protocol);
  if (entry !== undefined) return { note: entry.note, warning: entry.risky };
  const row = ianaEntry(port, protocol);
  if (row === undefined || row.name === '') return null;
  const [other] = curatedOnPort(port);
  const ownTransport = other?.transports[0];
  if (other !== undefined && ownTransport !== undefined && ianaEntry(port, ownTransport)?.name === row.name) {
    // 22/udp: IANA reserves it for SSH, but SSH never runs over UDP.
    return { note: oneLine(`${other.label} uses ${ownTransport.toUpperCase()}; this ${protocol.toUpperCase()} port is something else`), warning: false };
  }
  // The SERVICE column shows the name already: a note only when the registry says more than that.
  return describes(row) ? { note: oneLine(`IANA: ${row.description}`), warning: false } : null;
}
