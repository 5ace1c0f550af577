// Service detection over a finished scan: every open TCP port of every host, probed in parallel
// under the scan's socket share (one socket per port at a time), each port within its deadline.
import { setMaxListeners } from 'node:events';
import { isIP, isIPv6 } from 'node:net';
import type { ConcurrencyShare, DetectedService, HostReport, PortResult, ScanReport } from '../types.js';
import { DetectedPorts, openTcpPorts } from './detected-ports.js';
import { detectPort } from './detect-port.js';
import { defaultDetectTiming, type DetectTiming } from './timing.js';

export type { DetectTiming } from './timing.js';
export { defaultDetectTiming } from './timing.js';
export { detectPort, type PortTarget } from './detect-port.js';

export interface DetectOptions {
  readonly signal?: AbortSignal;
  /** Sockets this may hold at once (re-read as ports start); default 64. */
  readonly concurrency?: ConcurrencyShare;
  readonly timing?: DetectTiming;
}

const DEFAULT_CONCURRENCY = 64;

/** The name to send as SNI and check certificates against: the target when it is a host name. */
const hostName = (target: string): string | undefined => (isIP(target) === 0 ? target.replace(/\.$/, '') : undefined);

/** Probes `ports` (open TCP results of one host) and returns what answers, by port. */
export async function detectHostPorts(host: Pick<HostReport, 'target' | 'address'>, ports: readonly PortResult[], options: DetectOptions = {}): Promise<Map<number, DetectedService>> {
  const timing = options.timing ?? defaultDetectTiming;
  const share = options.concurrency ?? { current: () => DEFAULT_CONCURRENCY };
  const family = isIPv6(host.address) ? 6 : 4;
  const name = hostName(host.target);
  const detected = new Map<number, DetectedService>();
  // Every port in flight listens for the cancel: one signal of our own carries them, not the caller's.
  const stop = new AbortController();
  const workers = Math.max(1, Math.min(ports.length, share.current()));
  setMaxListeners(workers + 1, stop.signal);
  const onAbort = (): void => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted === true) stop.abort();
  let next = 0;
  let running = 0;
  const worker = async (): Promise<void> => {
    for (let result = ports[next++]; result !== undefined && !stop.signal.aborted; result = ports[next++]) {
      running++;
      try {
        const target = { address: host.address, family, port: result.port, registered: result.service, ...(name === undefined ? {} : { name }) } as const;
        const service = await detectPort(target, timing, stop.signal);
        if (service !== undefined) detected.set(result.port, service);
      } finally {
        running--;
      }
      // A share that shrank (another scan started) lets this worker go.
      if (running >= Math.max(1, share.current())) return;
    }
  };
  try {
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  return detected;
}

/** One host's report with `detected` on its open TCP ports (the same report when none answered a probe). */
export async function detectHost(host: HostReport, options: DetectOptions = {}): Promise<HostReport> {
  const open = openTcpPorts(host.ports);
  if (open.length === 0) return host;
  const detected = await detectHostPorts(host, open, options);
  return detected.size === 0 ? host : { ...host, ports: new DetectedPorts(host.ports, detected) };
}

/**
 * Service detection after a scan: what answers on every open TCP port of `report`. Only the
 * report's own addresses and open ports are contacted, so it stays inside what the policy
 * checked. Hosts are done one after another, their ports in parallel.
 */
export async function detectServices(report: ScanReport, options: DetectOptions = {}): Promise<ScanReport> {
  const hosts: HostReport[] = [];
  for (const host of report.hosts) hosts.push(options.signal?.aborted === true ? host : await detectHost(host, options));
  return { ...report, hosts };
}
