import type { PortProbe, Protocol } from '../scanner/types.js';
import { curatedPorts } from './ports/index.js';

const byProtocolThenPort = (a: PortProbe, b: PortProbe): number =>
  a.protocol === b.protocol ? a.port - b.port : a.protocol === 'tcp' ? -1 : 1;

/**
 * The `common` port list, the default of every scan: every curated port on the transports its
 * service really uses, sorted TCP first. portbot's own selection, not nmap's frequency table
 * (docs/port-lists.md).
 */
export const COMMON_PORTS: readonly PortProbe[] = curatedPorts
  .flatMap((entry) => entry.transports.map((protocol) => ({ port: entry.port, protocol })))
  .sort(byProtocolThenPort);

/** The common ports of one transport, sorted. */
export const commonPorts = (protocol: Protocol): readonly PortProbe[] => COMMON_PORTS.filter((probe) => probe.protocol === protocol);
