// One host's TCP scan split across threads. On loopback and fast LANs a connect scan is CPU-bound
// in JavaScript and system calls, and one event loop reaches about half of what two cores can
// do; a full-range scan (65,535 ports) is where that shows. The calling thread and the worker
// threads take the host's ports from one shared counter (port-claims.ts), each running the same
// TcpHostScan with its own RTT estimate, retries and deadline sweep, so whichever thread runs
// faster scans more ports and all finish together. Workers send compact verdicts in batches; the calling
// thread stores them with its own part's in one PortVerdicts and reports progress. Workers get a small young
// generation: their garbage (a handle per attempt) dies within milliseconds.
import { Worker } from 'node:worker_threads';
import { PortbotError } from '../../errors.js';
import { PortVerdicts } from '../port-verdicts.js';
import type { HostProbeOptions, PortState, ScanAddress } from '../types.js';
import { verdictOf } from '../verdict-codes.js';
import type { Connector, TcpEngine } from './connector.js';
import { TcpHostScan } from './host-scan.js';
import { sharedClaimCounter, sharedClaims } from './port-claims.js';
import type { FromScanThread, ScanThreadData, ToScanThread } from './thread-messages.js';
import type { TcpTiming } from './timing.js';

const THREAD_URL = new URL('./scan-thread.js', import.meta.url);
/** MB of young generation per worker (measured: 2-4 MB is the cheapest in memory for a full-range scan). */
const YOUNG_GENERATION_MB = 4;

export interface ThreadedScanSettings {
  /** Worker threads besides the calling thread. */
  readonly workers: number;
  readonly engine: TcpEngine | 'auto';
  /** The calling thread's connector. */
  readonly connector: Connector;
  readonly timing: TcpTiming;
  readonly socketCeiling: number;
  readonly serviceOf: (port: number) => string | null;
  /** The worker's module; tests substitute one that crashes. */
  readonly threadScript?: URL;
}

/** Scans `ports` (sorted, unique) on this thread and `settings.workers` more; resolves like TcpHostScan.run(). */
export function threadedTcpScan(target: ScanAddress, ports: readonly number[], options: HostProbeOptions, settings: ThreadedScanSettings): Promise<PortVerdicts> {
  const parts = Math.max(1, Math.min(settings.workers + 1, ports.length));
  const claims = sharedClaimCounter();
  const results = new PortVerdicts('tcp', ports, settings.serviceOf);
  const shareOf = (): number => Math.max(1, Math.floor(options.concurrency.current() / parts));
  const ceiling = Math.max(1, Math.floor(settings.socketCeiling / parts));
  let lastShare = shareOf();
  const workers: Worker[] = [];
  const stopOwn = new AbortController();
  let running = parts;
  let settled = false;

  return new Promise<PortVerdicts>((resolve, reject) => {
    const stopAll = (): void => {
      stopOwn.abort();
      for (const worker of workers) worker.postMessage({ type: 'stop' } satisfies ToScanThread);
    };
    const finish = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', stopAll);
      if (error === undefined) return resolve(results.finished());
      stopOwn.abort();
      const failure = error instanceof Error ? error : new PortbotError('scanner-thread-failed', 'the threaded scan failed', { cause: error });
      // Rejects once every thread is gone, as a finished scan resolves only then.
      void Promise.allSettled(workers.map((worker) => worker.terminate())).then(() => reject(failure));
    };
    const partDone = (): void => {
      if (--running === 0) finish();
    };
    const reshare = (): void => {
      const share = shareOf();
      if (share === lastShare) return;
      lastShare = share;
      for (const worker of workers) worker.postMessage({ type: 'share', concurrency: share } satisfies ToScanThread);
    };
    /** Stores a verdict from any part (each port is claimed by one part only) and reports it. */
    const deliver = (index: number, code: number, rttMs: number): void => {
      if (!results.setCode(index, code, rttMs)) return;
      const state: PortState = verdictOf(code)[0];
      try {
        options.onResult(index, state);
      } catch (error) {
        finish(error);
      }
    };

    for (let part = 1; part < parts; part++) {
      const data: ScanThreadData = { address: target, ports, claims, engine: settings.engine, timing: settings.timing, socketCeiling: ceiling, concurrency: lastShare };
      const worker = new Worker(settings.threadScript ?? THREAD_URL, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      workers.push(worker);
      let done = false;
      worker.on('message', (message: FromScanThread) => {
        if (settled) return;
        if (message.type === 'batch') {
          for (let i = 0; i < message.indices.length && !settled; i++) deliver(message.indices[i]!, message.codes[i]!, message.rtts[i]!);
          reshare();
        } else if (message.type === 'done') {
          done = true;
        } else {
          finish(new PortbotError(message.code, message.message));
        }
      });
      worker.on('error', (error) => finish(new PortbotError('scanner-thread-failed', `a scanner thread failed: ${error.message.split('\n')[0]}`, { cause: error })));
      // A part counts as finished once its thread has exited, not when it says it is done: a thread
      // still shutting down holds its event loop's descriptors, and no thread may outlive its scan.
      worker.on('exit', (code) => {
        if (done) partDone();
        else finish(new PortbotError('scanner-thread-failed', `a scanner thread stopped before finishing (exit code ${code})`));
      });
    }

    if (options.signal?.aborted === true) stopAll();
    else options.signal?.addEventListener('abort', stopAll, { once: true });
    // This thread's part runs here, claiming from the same counter; its verdicts are copied over as they come.
    const ownOptions = {
      signal: stopOwn.signal,
      concurrency: { current: shareOf },
      onResult: (index: number): void => deliver(index, own.results.codeAt(index), own.results.rttAt(index)),
    };
    const ownSettings = { connector: settings.connector, timing: settings.timing, socketCeiling: ceiling, claims: sharedClaims(claims, ports.length) };
    const own = new TcpHostScan(target, ports, ownOptions, ownSettings);
    own.run().then(partDone, finish);
  });
}
