// The scan service, built once by the composition root (src/cli/) and shared by the CLI, the
// console and the chat bots: a request becomes a job with a short id, goes through the policy to
// an executor, and ends in one outcome; chat and console jobs are recorded in history, off the
// answer path. Front-ends read the job's events and outcome as data.
import type { CommandLog } from '../log.js';
import type { AuditLog } from '../policy/audit.js';
import type { Requester, ScanPolicy } from '../policy/types.js';
import { discoverHosts } from '../scanner/discovery/index.js';
import { newJobId } from '../store/job-id.js';
import { EventChannel } from './event-channel.js';
import type { Executor } from './executor.js';
import type { Router } from './route.js';
import type { HistoryStore } from './history-store.js';
import { JobTable, LiveJob } from './jobs.js';
import { runPing, type Discoverer, type PingOutcome, type PingRequest } from './ping.js';
import { runJob, type JobRun } from './run-job.js';
import type { CancelOutcome, JobEvent, ScanJob, ScanOrigin, ScanRequest, SubmitOptions, SubmittedJob } from './types.js';

export interface ScanServiceDependencies {
  readonly policy: ScanPolicy;
  readonly audit: AuditLog;
  /** Runs granted scans here (in-process-executor.ts). */
  readonly executor: Executor;
  /** Sends some requests elsewhere (a zone's agents, route.ts); without it every scan runs here. */
  readonly route?: Router;
  /** Host discovery for pings; the real one unless a test replaces it. */
  readonly discover?: Discoverer;
  /** History; without it nothing is recorded (the CLI's scan without --save never opens it). */
  readonly history?: HistoryStore;
  readonly logger?: CommandLog;
  /** Once the store is open, how long an answer waits for its own history writes (default 2 s). */
  readonly answerWaitMs?: number;
  /**
   * A job's recording failed after its answer went out (the store was still opening then): the
   * requester must still be told. Without it the failure is logged.
   */
  readonly onLateRecordingFailure?: (job: ScanJob, message: string) => void;
}

export interface ScanService {
  /** Starts a job at once; its events and outcome follow. Never throws for a bad request: that is an outcome. */
  submit(request: ScanRequest, origin: ScanOrigin, options?: SubmitOptions): SubmittedJob;
  /**
   * A ping: the policy decides as for a scan of the discovery ports, then discovery runs here. Not a
   * job and not recorded; `signal` stops it early (Ctrl-C), as cancelAll does (its answer still comes).
   */
  ping(request: PingRequest, requester: Requester, signal?: AbortSignal): Promise<PingOutcome>;
  /** Stops a job if `by` started it; its outcome (the partial result) still follows. */
  cancel(jobId: string, by: Requester): CancelOutcome;
  /** Stops every running job and ping (shutdown); each still ends in its outcome. */
  cancelAll(): void;
  /** Jobs running in this process now. */
  running(): readonly ScanJob[];
  /** Waits until every job submitted so far has its outcome and its history writes settled. */
  drain(): Promise<void>;
  /**
   * Waits for the history writes of jobs already answered (not for running ones): a /history or
   * /diff right after an answer then reads the scan it just saw, whole.
   */
  recordsSettled(): Promise<void>;
  /** The history store, when this service records (for /history and /diff). */
  readonly history: HistoryStore | undefined;
}

const DEFAULT_ANSWER_WAIT_MS = 2000;

export function createScanService(deps: ScanServiceDependencies): ScanService {
  const jobs = new JobTable();
  /** Jobs that reached an executor, and which one: a cancel goes to it. */
  const executing = new Map<string, Executor>();
  const unsettled = new Set<Promise<unknown>>();
  const answered = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>, set = unsettled): void => {
    set.add(work);
    void work.finally(() => set.delete(work));
  };

  function submit(request: ScanRequest, origin: ScanOrigin, options: SubmitOptions = {}): SubmittedJob {
    let id = newJobId();
    while (jobs.has(id)) id = newJobId();
    const job = new LiveJob(id, origin, request);
    jobs.add(job);
    const events = new EventChannel<JobEvent>();
    const store = options.record === false ? undefined : deps.history;
    const context = { policy: deps.policy, audit: deps.audit, executor: deps.executor, ...(deps.route === undefined ? {} : { route: deps.route }), history: store, answerWaitMs: deps.answerWaitMs ?? DEFAULT_ANSWER_WAIT_MS, ...(deps.logger === undefined ? {} : { logger: deps.logger }) };
    const run = runJob(context, job, events, (executor) => executing.set(id, executor))
      .catch((error: unknown): JobRun => {
        // runJob turns every expected failure into an outcome; this is a bug, still answered once.
        deps.logger?.error({ err: error, jobId: id }, 'scan job failed');
        job.status = 'failed';
        return { outcome: { kind: 'failed', code: 'internal', message: error instanceof Error ? error.message : String(error) }, recorded: Promise.resolve({ ok: 'off' }) };
      })
      .finally(() => {
        jobs.remove(id);
        executing.delete(id);
        events.close();
      });
    const outcome = run.then((settled) => settled.outcome);
    const recorded = run.then((settled) => settled.recorded);
    const history = run.then((settled) => settled.history ?? ({ kind: 'off' } as const));
    track(recorded);
    void outcome.then(() => track(recorded, answered));
    void Promise.all([outcome, recorded]).then(([answered, written]) => {
      const told = answered.kind === 'report' && answered.history.kind === 'unavailable';
      if (written.ok !== false || told) return;
      if (deps.onLateRecordingFailure !== undefined) deps.onLateRecordingFailure(job, written.message);
      else deps.logger?.error({ jobId: id, problem: written.message }, 'a scan was not recorded in history');
    });
    return { id, events, outcome, recorded, history };
  }

  const pings = new Set<AbortController>();
  async function ping(request: PingRequest, requester: Requester, signal?: AbortSignal): Promise<PingOutcome> {
    const controller = new AbortController();
    const stop = (): void => controller.abort(signal?.reason);
    signal?.addEventListener('abort', stop, { once: true });
    if (signal?.aborted === true) stop();
    pings.add(controller);
    try {
      return await runPing({ policy: deps.policy, audit: deps.audit, discover: deps.discover ?? discoverHosts }, requester, request, controller.signal);
    } finally {
      pings.delete(controller);
      signal?.removeEventListener('abort', stop);
    }
  }

  function cancel(jobId: string, by: Requester): CancelOutcome {
    const decided = jobs.cancel(jobId, by);
    if (decided === 'cancelled') executing.get(jobId)?.cancel(jobId);
    return decided;
  }

  return {
    submit,
    ping,
    cancel,
    cancelAll() {
      for (const controller of pings) controller.abort(new Error('shutting down'));
      for (const job of jobs.all()) {
        job.cancelRequested = true;
        executing.get(job.id)?.cancel(job.id);
      }
    },
    running: () => jobs.all(),
    async drain() {
      while (unsettled.size > 0) await Promise.allSettled([...unsettled]);
    },
    async recordsSettled() {
      await Promise.allSettled([...answered]);
    },
    history: deps.history,
  };
}
