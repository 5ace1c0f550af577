// Builds the explanation of one port: the curated entry, else IANA's row, else "unassigned".
import type { Protocol } from '../scanner/types.js';
import { curatedFor, curatedOnPort } from './curated.js';
import { describes, ianaEntry, type IanaEntry } from './iana.js';
import type { CuratedPort } from './ports/index.js';
import { describeRange, portRange } from './ranges.js';
import type { PortExplanation } from './types.js';

const bothProtocols: readonly Protocol[] = ['tcp', 'udp'];

const transportWords = (transports: readonly Protocol[]): string =>
  transports.length === 2 ? 'TCP and UDP' : transports.map((transport) => transport.toUpperCase()).join('');

function namedIanaRow(port: number, protocols: readonly Protocol[]): IanaEntry | undefined {
  for (const protocol of protocols) {
    const entry = ianaEntry(port, protocol);
    if (entry !== undefined && entry.name !== '') return entry;
  }
  return undefined;
}

function fromCurated(entry: CuratedPort): PortExplanation {
  const iana = namedIanaRow(entry.port, entry.transports);
  return {
    kind: 'port',
    port: entry.port,
    transports: entry.transports,
    service: entry.service,
    source: 'curated',
    label: entry.label,
    ...(iana === undefined ? {} : { iana: { name: iana.name, description: iana.description } }),
    range: portRange(entry.port),
    summary: entry.summary,
    usedFor: entry.usedFor,
    security: entry.security,
    ...(entry.saferAlternative === undefined ? {} : { saferAlternative: entry.saferAlternative }),
    risky: entry.risky,
    seeAlso: entry.seeAlso ?? [],
  };
}

/** For `22/udp`: the port's curated service runs on the other transport only. */
function otherTransportWarning(port: number, protocol: Protocol): string | undefined {
  const [entry] = curatedOnPort(port);
  const ownTransport = entry?.transports[0];
  if (entry === undefined || ownTransport === undefined) return undefined;
  // Only when IANA gives this transport the same service (22/udp ssh), not another one (512/udp biff).
  if (ianaEntry(port, protocol)?.name !== ianaEntry(port, ownTransport)?.name) return undefined;
  return `${entry.label} runs over ${transportWords(entry.transports)} only; IANA reserves ${port}/${protocol} for it by custom, so whatever answers on ${port}/${protocol} is something else.`;
}

function fromRegistry(port: number, protocols: readonly Protocol[]): PortExplanation {
  const range = portRange(port);
  const named = protocols.filter((protocol) => (ianaEntry(port, protocol)?.name ?? '') !== '');
  const first = named[0] === undefined ? undefined : ianaEntry(port, named[0]);
  if (first === undefined) {
    const rows = protocols.map((protocol) => ianaEntry(port, protocol)).filter((row) => row !== undefined);
    const reserved = rows.some((row) => row.description.startsWith('Reserved'));
    const other = rows.find((row) => !/^(Reserved|Unassigned)/.test(row.description));
    const summary =
      port === 0
        ? 'Port 0 is reserved and never used on the wire: a program that asks the operating system for port 0 gets a free temporary port instead.'
        : other !== undefined
          ? `IANA lists port ${port} without a service name: "${other.description}". It lies in ${describeRange(port)}.`
          : `${reserved ? `IANA keeps port ${port} reserved` : `IANA has not assigned port ${port} to any service`}. It lies in ${describeRange(port)}.`;
    return { kind: 'port', port, transports: [], service: null, source: other === undefined ? 'unassigned' : 'iana', range, summary, risky: false, seeAlso: ['well-known ports', 'port'] };
  }
  const described = named
    .map((protocol) => {
      const row = ianaEntry(port, protocol);
      return row === undefined ? '' : `${port}/${protocol} as ${row.name}${row.description === '' ? '' : ` (${row.description})`}`;
    })
    .filter((text, position, all) => all.indexOf(text) === position);
  const sameName = named.every((protocol) => ianaEntry(port, protocol)?.name === first.name);
  // The answer's title names the service and its transports already; the summary adds only what
  // the registry says beyond the name, so nothing is said twice.
  const summary = !sameName
    ? `IANA registers ${described.join(' and ')}; portbot has no notes of its own on this port.`
    : describes(first)
      ? `IANA's registry describes it as "${first.description}"; portbot has no notes of its own on this port.`
      : 'IANA\'s registry gives this port a name and nothing more; portbot has no notes of its own on it.';
  const warning = protocols.length === 1 && protocols[0] !== undefined ? otherTransportWarning(port, protocols[0]) : undefined;
  return {
    kind: 'port',
    port,
    transports: named,
    service: first.name,
    source: 'iana',
    iana: { name: first.name, description: first.description },
    range,
    summary,
    security: warning ?? 'A registration only says who asked for the number: any program can listen on any port, so check what actually runs there before trusting the name.',
    risky: false,
    seeAlso: ['well-known ports'],
  };
}

/**
 * Everything portbot knows about `port`. With a protocol ("53/udp") the answer is about that
 * transport only; without one the curated entry wins, TCP first.
 */
export function explainPort(port: number, protocol?: Protocol): PortExplanation {
  const entry = protocol === undefined ? curatedOnPort(port)[0] : curatedFor(port, protocol);
  if (entry !== undefined) return fromCurated(entry);
  return fromRegistry(port, protocol === undefined ? bothProtocols : [protocol]);
}
