// The scanner's entry point: every checked address, every protocol, one report. A scan of several
// addresses first discovers which hosts are up and port-scans only those (nmap's default), unless
// `allHosts`. Each (host, protocol) pair is a job run by its prober; up to MAX_PARALLEL_JOBS run at
// once (p-limit) and share the scan's socket allowance equally, re-read before every probe. With `services`,
// a host's TCP job goes on to probe its open ports before the worker takes the next job.
import { setMaxListeners } from 'node:events';
import pLimit from 'p-limit';
import { DetectedPorts, openTcpPorts } from './detect/detected-ports.js';
import { detectHostPorts } from './detect/index.js';
import { detectWithinLimit } from './detect/within-limit.js';
import { discoverHost, discoverHosts } from './discovery/index.js';
import { statusFromPorts } from './host-status.js';
import { uniqueSortedPorts } from './port-set.js';
import { ProgressCounter } from './progress.js';
import { summarise } from './summary.js';
import { probeTcp } from './tcp/index.js';
import type { ConcurrencyShare, DetectedService, HostProber, HostReport, HostStatus, PortProbe, PortResultList, PortState, Protocol, ScanAddress, ScanOptions, ScanReport, StateSummary } from './types.js';
import { probeUdp } from './udp/index.js';

export type ProberSet = Readonly<Record<Protocol, HostProber>>;

const defaultProbers: ProberSet = { tcp: probeTcp, udp: probeUdp };

/** Sockets a scan holds when the caller sets no share (the prober also stays below the open-file limit). */
const DEFAULT_CONCURRENCY = 2048;
/** Several hosts at once, so a block of silent addresses costs a few timeouts, not one per host. */
const MAX_PARALLEL_JOBS = 16;
const PROTOCOLS: readonly Protocol[] = ['tcp', 'udp'];

interface Job {
  readonly host: number;
  readonly protocol: Protocol;
  /** Distinct, sorted; one array per protocol, shared by every host's job. */
  readonly ports: readonly number[];
  results: PortResultList | null;
  /** What answers on the open ports (TCP jobs with `services`), by port. */
  detected: Map<number, DetectedService> | null;
}

/**
 * Probes every port on every address that is up (every address with `allHosts`, and always a lone
 * address); never resolves a name. Resolves with every port of every host when done, or with what
 * finished and `cancelled: true` when `options.signal` aborts. `probers` replaces the protocol
 * probers (tests, benchmarks).
 */
export async function scan(
  addresses: readonly ScanAddress[],
  ports: readonly PortProbe[],
  options: ScanOptions = {},
  probers: ProberSet = defaultProbers,
): Promise<ScanReport> {
  const startedAt = performance.now();
  // Our own controller, so a failing prober stops the others before the error propagates.
  const stopAll = new AbortController();
  // Each job in flight (and the lone host's discovery) listens for it.
  setMaxListeners(MAX_PARALLEL_JOBS + 2, stopAll.signal);
  const onAbort = (): void => stopAll.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted === true) stopAll.abort();
  const allowance: ConcurrencyShare = options.concurrency ?? { current: () => DEFAULT_CONCURRENCY };
  const signal = stopAll.signal;

  try {
    const discoverFirst = addresses.length > 1 && options.allHosts !== true && !signal.aborted;
    const statuses = discoverFirst ? await discoverHosts(addresses, { signal, concurrency: allowance }) : addresses.map((): HostStatus | undefined => undefined);
    // A lone address is scanned whatever discovery would say; its status comes from the scan, else
    // from this discovery run alongside it (stopped as soon as the scan's own answers settle it).
    const stopLone = new AbortController();
    signal.addEventListener('abort', () => stopLone.abort(), { once: true });
    const lone = addresses.length === 1 && !signal.aborted ? discoverHost(addresses[0]!, { signal: stopLone.signal }) : undefined;
    const scanned = addresses.flatMap((_address, host) => (discoverFirst && statuses[host]?.state !== 'up' ? [] : [host]));

    const portsOf = PROTOCOLS.map((protocol) => ({ protocol, ports: uniqueSortedPorts(ports, protocol) })).filter((part) => part.ports.length > 0);
    const jobs: Job[] = scanned.flatMap((host) => portsOf.map(({ protocol, ports: numbers }) => ({ host, protocol, ports: numbers, results: null, detected: null })));
    const progress = new ProgressCounter(
      jobs.reduce((sum, job) => sum + job.ports.length, 0),
      options.onProgress,
    );
    let running = 0;
    const share: ConcurrencyShare = { current: () => Math.max(1, Math.floor(allowance.current() / Math.max(1, running))) };

    const runJob = async (job: Job): Promise<void> => {
      if (signal.aborted) return;
      const address = addresses[job.host]!;
      running++;
      try {
        const prober = probers[job.protocol];
        const latency = statuses[job.host]?.latencyMs;
        const seed = latency === null || latency === undefined ? {} : { initialRttMs: latency };
        const names = options.serviceNames === undefined ? {} : { serviceNames: options.serviceNames };
        job.results = await prober(address, job.ports, { signal, concurrency: share, onResult: (_index, state) => progress.add(state), ...seed, ...names });
        if (options.services === true && job.protocol === 'tcp' && !signal.aborted) {
          job.detected = await detectHostPorts(address, openTcpPorts(job.results), { signal, concurrency: share });
        }
      } catch (error) {
        stopAll.abort();
        throw error;
      } finally {
        running--;
      }
    };
    // p-limit keeps at most MAX_PARALLEL_JOBS probers (and so abort listeners) alive at once.
    const limit = pLimit(MAX_PARALLEL_JOBS);
    const settled = await Promise.allSettled(jobs.map((job) => limit(runJob, job)));
    const failure = settled.find((outcome) => outcome.status === 'rejected');
    if (failure !== undefined) throw failure.reason;

    await settleStatuses(addresses, jobs, statuses, lone, stopLone, signal);
    const hosts = hostReports(addresses, jobs, statuses);
    // Detection decided by the result's size (the chat's default) needs the whole result first.
    const detectLimit = options.services === true || signal.aborted ? undefined : options.detectLimit;
    const limited = detectLimit === undefined ? undefined : await detectWithinLimit(hosts, detectLimit, { signal, concurrency: allowance, ...(options.onDetect ? { onStart: options.onDetect } : {}) });
    return {
      hosts: limited?.hosts ?? hosts,
      durationMs: Math.round(performance.now() - startedAt),
      cancelled: options.signal?.aborted === true,
      ...(limited === undefined ? {} : { detection: limited.detection }),
    };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Fills in the status of every scanned host: the scan's own answers when any TCP port answered,
 * else the lone target's discovery run alongside the scan, else a discovery run now (`allHosts`).
 */
async function settleStatuses(
  addresses: readonly ScanAddress[],
  jobs: readonly Job[],
  statuses: (HostStatus | undefined)[],
  lone: Promise<HostStatus> | undefined,
  stopLone: AbortController,
  signal: AbortSignal,
): Promise<void> {
  const unknown: number[] = [];
  addresses.forEach((_address, host) => {
    const lists = jobs.filter((job) => job.host === host && job.results !== null).map((job) => job.results!);
    if (lists.length === 0) return;
    const fromScan = statusFromPorts(lists);
    if (fromScan !== undefined) statuses[host] = fromScan;
    else if (statuses[host] === undefined) unknown.push(host);
  });
  if (lone !== undefined) {
    if (!unknown.includes(0)) stopLone.abort();
    const status = await lone;
    if (unknown.includes(0) && !signal.aborted) statuses[0] = status;
    return;
  }
  if (unknown.length === 0 || signal.aborted) return;
  const found = await discoverHosts(unknown.map((host) => addresses[host]!), { signal });
  unknown.forEach((host, index) => (statuses[host] = found[index]));
}

/**
 * One report per host that was (at least partly) scanned, or that discovery found down (no ports):
 * TCP ports, then UDP, each sorted.
 */
function hostReports(addresses: readonly ScanAddress[], jobs: readonly Job[], statuses: readonly (HostStatus | undefined)[]): HostReport[] {
  return addresses.flatMap((address, host): HostReport[] => {
    const status = statuses[host];
    const done = jobs.filter((job) => job.host === host && job.results !== null);
    if (done.length === 0) return status?.state === 'down' ? [{ target: address.target, address: address.address, status, ports: [], summary: {} }] : [];
    const summary = mergedSummary(done.map((job) => summarise(job.results!)));
    const ports = joined(done.map((job) => (job.detected !== null && job.detected.size > 0 ? new DetectedPorts(job.results!, job.detected) : job.results!)));
    return [{ target: address.target, address: address.address, ...(status === undefined ? {} : { status }), ports, summary }];
  });
}

function mergedSummary(summaries: readonly StateSummary[]): StateSummary {
  const merged: StateSummary = {};
  for (const summary of summaries) for (const [state, count] of Object.entries(summary) as [PortState, number][]) merged[state] = (merged[state] ?? 0) + count;
  return merged;
}

/** Probers return port order, so TCP's list then UDP's is the report's order. One list stays as it is (no 65,535-result copy). */
const joined = (lists: readonly PortResultList[]): PortResultList => (lists.length === 1 ? lists[0]! : lists.flatMap((list) => [...list]));
