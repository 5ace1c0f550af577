// The TCP connect prober (nmap -sT): open/syn-ack, closed/conn-refused, filtered with no-response
// or the ICMP reason the OS reports. Engine and timing are internal knobs for tests and benchmarks.
import { PortbotError } from '../../errors.js';
import { socketCeiling } from '../fd-limit.js';
import type { HostProber } from '../types.js';
import type { Connector, ConnectorOptions, TcpEngine } from './connector.js';
import { TcpHostScan } from './host-scan.js';
import { createLibuvConnector, libuvConnector } from './libuv-connector.js';
import { createSocketConnector } from './socket-connector.js';
import { defaultTcpTiming, type TcpTiming } from './timing.js';

export type { TcpEngine } from './connector.js';
export type { TcpTiming } from './timing.js';

export interface TcpProberSettings {
  /** 'auto' (the default): libuv when this Node offers it, else net.Socket. */
  readonly engine?: TcpEngine | 'auto';
  readonly timing?: TcpTiming;
  /** Most sockets held at once whatever the share says; default: just below the open-file limit. */
  readonly socketCeiling?: number;
  readonly connector?: ConnectorOptions;
}

/** Which engine 'auto' picks on this Node. */
export const preferredTcpEngine: TcpEngine = libuvConnector === null ? 'socket' : 'libuv';

function connectorFor(engine: TcpEngine | 'auto', options: ConnectorOptions): Connector {
  if (engine === 'socket') return createSocketConnector(options);
  const libuv = createLibuvConnector(options);
  if (libuv !== null) return libuv;
  if (engine === 'auto') return createSocketConnector(options);
  throw new PortbotError('tcp-engine-unavailable', 'the libuv TCP engine is not available on this Node version');
}

export function createTcpProber(settings: TcpProberSettings = {}): HostProber {
  const connector = connectorFor(settings.engine ?? 'auto', settings.connector ?? {});
  const timing = settings.timing ?? defaultTcpTiming;
  const ceiling = settings.socketCeiling ?? socketCeiling;
  return (address, ports, options) => {
    const numbers = [...new Set(ports.filter((probe) => probe.protocol === 'tcp').map((probe) => probe.port))].sort((a, b) => a - b);
    return new TcpHostScan(address, numbers, options, connector, timing, ceiling).run();
  };
}

export const probeTcp: HostProber = createTcpProber();
