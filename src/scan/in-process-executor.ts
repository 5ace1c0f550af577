// The executor that scans here, in this process, with portbot's scanner. It owns the process's
// socket budget (PORTBOT_MAX_SOCKETS, shared fairly between its running scans), so nothing the
// policy grants carries a live callback: an agent elsewhere runs its own executor and budget.
import { PortbotError } from '../errors.js';
import type { CommandLog } from '../log.js';
import { serviceNames } from '../report/service-names.js';
import { parsePortSpec } from '../request/ports.js';
import type { scan as realScan } from '../scanner/scan.js';
import type { ScanProgress } from '../scanner/types.js';
import { EventChannel } from './event-channel.js';
import type { ExecutionEvent, ExecutionSpec, Executor } from './executor.js';
import { createSocketPool } from './socket-share.js';

export type Scanner = typeof realScan;

export interface InProcessExecutorOptions {
  /** Open sockets for all of this executor's scans together (PORTBOT_MAX_SOCKETS). */
  readonly maxSockets: number;
  /** The scanner; tests pass one that fails. */
  readonly scan: Scanner;
  /** At most one progress event per this many ms (the last one always goes). Default 100. */
  readonly progressEveryMs?: number;
  /** A failed scan's stack goes here (the `failed` event carries only its code and line). */
  readonly logger?: CommandLog;
}

const DEFAULT_PROGRESS_EVERY_MS = 100;

export function createInProcessExecutor(options: InProcessExecutorOptions): Executor {
  const pool = createSocketPool(options.maxSockets);
  const running = new Map<string, AbortController>();
  const every = options.progressEveryMs ?? DEFAULT_PROGRESS_EVERY_MS;

  async function run(spec: ExecutionSpec, events: EventChannel<ExecutionEvent>, controller: AbortController): Promise<void> {
    if (spec.targets.kind !== 'checked') {
      events.push({ kind: 'failed', code: 'executor-needs-addresses', message: 'the in-process executor scans checked addresses only' });
      return;
    }
    const ports = parsePortSpec(spec.ports, spec.protocol);
    if (!ports.ok) {
      events.push({ kind: 'refused', problem: ports.error });
      return;
    }
    const addresses = spec.targets.addresses;
    const seat = pool.join(addresses.length * ports.value.length);
    let lastProgressAt = 0;
    const onProgress = (progress: ScanProgress): void => {
      const now = performance.now();
      if (now - lastProgressAt < every && progress.done < progress.total) return;
      lastProgressAt = now;
      events.push({ kind: 'progress', done: progress.done, total: progress.total, open: progress.open });
    };
    try {
      events.push({ kind: 'started', addresses, totalPorts: addresses.length * ports.value.length });
      const report = await options.scan(addresses, ports.value, {
        signal: controller.signal,
        concurrency: seat,
        onProgress,
        serviceNames,
        ...(spec.options.services ? { services: true } : {}),
        ...(spec.options.allHosts ? { allHosts: true } : {}),
        ...(spec.options.detectLimit === undefined ? {} : { detectLimit: spec.options.detectLimit }),
        onDetect: (detecting) => events.push({ kind: 'detecting', ports: detecting }),
      });
      events.push({ kind: 'result', report });
    } catch (error) {
      // A scanner that rejects on abort instead of resolving a partial report is still a cancel.
      if (controller.signal.aborted) events.push({ kind: 'result', report: { hosts: [], durationMs: 0, cancelled: true } });
      else {
        options.logger?.error({ err: error, jobId: spec.jobId }, 'scan failed');
        events.push({ kind: 'failed', code: error instanceof PortbotError ? error.code : 'scan-failed', message: error instanceof Error ? error.message : String(error) });
      }
    } finally {
      seat.leave();
    }
  }

  return {
    execute(spec) {
      const events = new EventChannel<ExecutionEvent>();
      const controller = new AbortController();
      running.set(spec.jobId, controller);
      void run(spec, events, controller).finally(() => {
        running.delete(spec.jobId);
        events.close();
      });
      return events;
    },
    cancel(jobId) {
      running.get(jobId)?.abort(new Error('cancelled'));
    },
  };
}
