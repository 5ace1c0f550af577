// The TCP connect prober (nmap -sT): open/syn-ack, closed/conn-refused, filtered with no-response
// or the ICMP reason the OS reports. Engine, timing and threads are internal knobs for tests and
// benchmarks.
import { availableParallelism } from 'node:os';
import { PortbotError } from '../../errors.js';
import { socketCeiling } from '../fd-limit.js';
import type { HostProber } from '../types.js';
import type { ConnectorOptions, TcpEngine } from './connector.js';
import { connectorFor } from './engines.js';
import { TcpHostScan } from './host-scan.js';
import { threadedTcpScan } from './threaded-scan.js';
import { defaultTcpTiming, type TcpTiming } from './timing.js';

export type { TcpEngine } from './connector.js';
export type { TcpTiming } from './timing.js';
export { preferredTcpEngine } from './engines.js';

/** Below this many ports a host's scan stays on the calling thread: starting threads costs more than it saves. */
const THREADED_MIN_PORTS = 4096;
/** Worker threads besides the calling one (measured on 2 cores: one more thread nearly doubles connects/s). */
const SCAN_WORKERS = 1;

export interface TcpProberSettings {
  /** 'auto' (the default): libuv when this Node offers it, else net.Socket. */
  readonly engine?: TcpEngine | 'auto';
  readonly timing?: TcpTiming;
  /** Most sockets held at once whatever the share says; default: just below the open-file limit. */
  readonly socketCeiling?: number;
  readonly connector?: ConnectorOptions;
  /**
   * Worker threads per host besides the calling thread: 0 scans on the calling thread alone. 'auto'
   * (the default): 1 for hosts with at least 4,096 ports on a machine with 2 or more cores, else 0.
   */
  readonly threads?: number | 'auto';
}

function threadsFor(setting: number | 'auto', ports: number, connector: ConnectorOptions | undefined): number {
  if (setting !== 'auto') return setting;
  // Connector options hold functions, which cannot cross to a thread.
  if (connector !== undefined || ports < THREADED_MIN_PORTS || availableParallelism() < 2) return 0;
  return SCAN_WORKERS;
}

const unnamed = (): null => null;

export function createTcpProber(settings: TcpProberSettings = {}): HostProber {
  const engine = settings.engine ?? 'auto';
  const connector = connectorFor(engine, settings.connector ?? {});
  const timing = settings.timing ?? defaultTcpTiming;
  const ceiling = settings.socketCeiling ?? socketCeiling;
  if (settings.threads !== undefined && settings.threads !== 'auto' && settings.threads > 0 && settings.connector !== undefined) {
    throw new PortbotError('tcp-threads-misused', 'connector options cannot be used with scanner threads');
  }
  return (address, ports, options) => {
    const namer = options.serviceNames;
    const nameTcp = namer === undefined ? unnamed : (port: number): string | null => namer(port, 'tcp');
    const threads = threadsFor(settings.threads ?? 'auto', ports.length, settings.connector);
    if (threads > 0) return threadedTcpScan(address, ports, options, { workers: threads, engine, connector, timing, socketCeiling: ceiling, serviceOf: nameTcp });
    return new TcpHostScan(address, ports, options, { connector, timing, socketCeiling: ceiling, serviceOf: nameTcp }).run();
  };
}

export const probeTcp: HostProber = createTcpProber();
