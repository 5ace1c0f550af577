// Host discovery before a port scan, as nmap does by default: each host gets TCP connects to a few
// common ports and, if none has answered after a short grace, an ICMP echo; the first answer
// proves it up, and a host that stays silent until the deadline is down. Hosts run in parallel,
// as many as the socket share allows, so a /24 of silent addresses costs about one deadline.
import { setMaxListeners } from 'node:events';
import type { ConcurrencyShare, HostStatus, ScanAddress } from '../types.js';
import { icmpPing, icmpUsable } from './icmp-ping.js';
import { DISCOVERY_PORTS, tcpPing, type Answer } from './tcp-ping.js';

export interface DiscoveryTiming {
  /** A host with no answer by then is down (the kernel resends an unanswered SYN after 1 s, so 2 SYNs fit). */
  readonly timeoutMs: number;
  /** ICMP starts only if TCP has not answered by then: most live hosts answer TCP within a round trip, and each ping is a process. */
  readonly icmpGraceMs: number;
}

export const defaultDiscoveryTiming: DiscoveryTiming = { timeoutMs: 1500, icmpGraceMs: 50 };

export interface DiscoveryOptions {
  readonly signal?: AbortSignal;
  readonly concurrency?: ConcurrencyShare;
  readonly timing?: DiscoveryTiming;
  /** TCP ports tried on each host; default DISCOVERY_PORTS. */
  readonly ports?: readonly number[];
  /** Try ICMP echo too (default true; skipped anyway where ping is missing or not permitted). */
  readonly icmp?: boolean;
}

/** Hosts in flight at once at most: each holds a few sockets and maybe a ping process. */
const MAX_PARALLEL_HOSTS = 256;
const DEFAULT_CONCURRENCY = 2048;

const DOWN: HostStatus = { state: 'down', reason: 'no-response', latencyMs: null };
const up = (answer: Answer): HostStatus => ({ state: 'up', reason: answer.reason, latencyMs: answer.latencyMs });

/** Whether one host is up, by the first answer to any probe; 'down' after the deadline or when everything failed. */
export function discoverHost(host: ScanAddress, options: DiscoveryOptions = {}): Promise<HostStatus> {
  const timing = options.timing ?? defaultDiscoveryTiming;
  const ports = options.ports ?? DISCOVERY_PORTS;
  const useIcmp = options.icmp !== false;
  return new Promise((resolve) => {
    const stopIcmp = new AbortController();
    let tcpSilent = ports.length === 0;
    let icmpDone = !useIcmp;
    let settled = false;
    const settle = (status: HostStatus): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearTimeout(grace);
      closeTcp();
      stopIcmp.abort();
      options.signal?.removeEventListener('abort', onAbort);
      resolve(status);
    };
    const onAbort = (): void => settle(DOWN);
    const settleIfSilent = (): void => {
      if (tcpSilent && icmpDone) settle(DOWN);
    };
    const closeTcp = tcpPing(host.address, host.family, ports, (answer) => settle(up(answer)), () => {
      tcpSilent = true;
      settleIfSilent();
    });
    const deadline = setTimeout(() => settle(DOWN), timing.timeoutMs);
    const grace = setTimeout(() => {
      if (settled || !useIcmp || !icmpUsable()) {
        icmpDone = true;
        return settleIfSilent();
      }
      void icmpPing(host.address, host.family, timing.timeoutMs - timing.icmpGraceMs, stopIcmp.signal).then((answer) => {
        icmpDone = true;
        if (answer !== null) settle(up(answer));
        else settleIfSilent();
      });
    }, timing.icmpGraceMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted === true) onAbort();
  });
}

/**
 * The status of every address, in order; an entry is undefined when `signal` stopped discovery
 * before that host was decided.
 */
export async function discoverHosts(addresses: readonly ScanAddress[], options: DiscoveryOptions = {}): Promise<(HostStatus | undefined)[]> {
  const statuses: (HostStatus | undefined)[] = new Array<HostStatus | undefined>(addresses.length).fill(undefined);
  const share = options.concurrency ?? { current: () => DEFAULT_CONCURRENCY };
  const perHost = Math.max(1, (options.ports ?? DISCOVERY_PORTS).length);
  const parallel = Math.max(1, Math.min(MAX_PARALLEL_HOSTS, addresses.length, Math.floor(share.current() / perHost)));
  // Every host in flight listens for the cancel: one signal of our own carries them, not the caller's.
  const stop = new AbortController();
  setMaxListeners(parallel + 1, stop.signal);
  const onAbort = (): void => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted === true) stop.abort();
  const hostOptions = { ...options, signal: stop.signal };
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < addresses.length && !stop.signal.aborted; index = next++) {
      const status = await discoverHost(addresses[index]!, hostOptions);
      if (!stop.signal.aborted) statuses[index] = status;
    }
  };
  try {
    await Promise.all(Array.from({ length: parallel }, worker));
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  return statuses;
}
