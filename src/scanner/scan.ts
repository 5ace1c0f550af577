// The scanner's entry point: every checked address, every protocol, one report. Each (host,
// protocol) pair is a job run by its prober; up to MAX_PARALLEL_JOBS run at once (p-limit) and
// share the scan's socket allowance equally, re-read before every probe.
import pLimit from 'p-limit';
import { uniqueSortedPorts } from './port-set.js';
import { ProgressCounter } from './progress.js';
import { summarise } from './summary.js';
import { probeTcp } from './tcp/index.js';
import type { ConcurrencyShare, HostProber, HostReport, PortProbe, PortResultList, Protocol, ScanAddress, ScanOptions, ScanReport } from './types.js';
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
}

/**
 * Probes every port on every address; never resolves a name. Resolves with every port of every
 * host when done, or with what finished and `cancelled: true` when `options.signal` aborts.
 * `probers` replaces the protocol probers (tests, benchmarks).
 */
export async function scan(
  addresses: readonly ScanAddress[],
  ports: readonly PortProbe[],
  options: ScanOptions = {},
  probers: ProberSet = defaultProbers,
): Promise<ScanReport> {
  const startedAt = performance.now();
  const portsOf = PROTOCOLS.map((protocol) => ({ protocol, ports: uniqueSortedPorts(ports, protocol) })).filter((part) => part.ports.length > 0);
  const jobs: Job[] = addresses.flatMap((_address, host) => portsOf.map(({ protocol, ports: numbers }) => ({ host, protocol, ports: numbers, results: null })));
  const total = jobs.reduce((sum, job) => sum + job.ports.length, 0);
  const progress = new ProgressCounter(total, options.onProgress);
  // Each running job gets its own controller, and the scan's signal one listener that aborts them
  // all: a job that listened on one shared signal made scans of more than 10 hosts exceed Node's
  // listener limit (MaxListenersExceededWarning). A failing prober stops the others the same way.
  const running = new Set<AbortController>();
  let stopped = false;
  const stopAll = (): void => {
    stopped = true;
    for (const job of running) job.abort();
  };
  options.signal?.addEventListener('abort', stopAll, { once: true });
  if (options.signal?.aborted === true) stopAll();

  const allowance: ConcurrencyShare = options.concurrency ?? { current: () => DEFAULT_CONCURRENCY };
  const share: ConcurrencyShare = { current: () => Math.max(1, Math.floor(allowance.current() / Math.max(1, running.size))) };

  const runJob = async (job: Job): Promise<void> => {
    if (stopped) return;
    const own = new AbortController();
    running.add(own);
    try {
      const prober = probers[job.protocol];
      job.results = await prober(addresses[job.host]!, job.ports, { signal: own.signal, concurrency: share, onResult: (_index, state) => progress.add(state) });
    } catch (error) {
      stopAll();
      throw error;
    } finally {
      running.delete(own);
    }
  };
  try {
    const limit = pLimit(MAX_PARALLEL_JOBS);
    const settled = await Promise.allSettled(jobs.map((job) => limit(runJob, job)));
    const failure = settled.find((outcome) => outcome.status === 'rejected');
    if (failure !== undefined) throw failure.reason;
  } finally {
    options.signal?.removeEventListener('abort', stopAll);
  }
  return {
    hosts: hostReports(addresses, jobs),
    durationMs: Math.round(performance.now() - startedAt),
    cancelled: options.signal?.aborted === true,
  };
}

/** One report per host that was (at least partly) scanned: TCP ports, then UDP, each sorted. */
function hostReports(addresses: readonly ScanAddress[], jobs: readonly Job[]): HostReport[] {
  return addresses.flatMap((address, host) => {
    const done = jobs.filter((job) => job.host === host && job.results !== null);
    if (done.length === 0) return [];
    const ports = joined(done.map((job) => job.results ?? []));
    return [{ target: address.target, address: address.address, ports, summary: summarise(ports) }];
  });
}

/** Probers return port order, so TCP's list then UDP's is the report's order. One list stays as it is (no 65,535-result copy). */
const joined = (lists: readonly PortResultList[]): PortResultList => (lists.length === 1 ? lists[0]! : lists.flatMap((list) => [...list]));
