// One job's life: the port list, the policy, the executor, the answer's outcome, the audit entry
// and the history writes. Whatever happens, it ends in exactly one outcome.
import type { Problem } from '../errors.js';
import type { CommandLog } from '../log.js';
import type { AuditEntry, AuditLog } from '../policy/audit.js';
import type { Requester, ScanGrant, ScanPolicy } from '../policy/types.js';
import { parsePortSpec } from '../request/ports.js';
import { stateTotals } from '../scanner/summary.js';
import type { ScanReport } from '../scanner/types.js';
import type { Result } from '../result.js';
import type { StoredResult } from '../store/types.js';
import type { EventChannel } from './event-channel.js';
import { isTerminal, type ExecutionRequester, type Executor, type TerminalEvent } from './executor.js';
import { LOCAL, type Router } from './route.js';
import type { HistoryStore } from './history-store.js';
import type { LiveJob } from './jobs.js';
import { JobRecorder } from './recorder.js';
import { placeScope, storedRequester } from './scope.js';
import { readPrevious, sinceLast, typedTargets } from './since-last.js';
import type { HistoryNote, JobEvent, JobOutcome, RecordOutcome } from './types.js';

export interface JobContext {
  readonly policy: ScanPolicy;
  readonly audit: AuditLog;
  readonly executor: Executor;
  /** Which executor runs a request (route.ts); local when absent. */
  readonly route?: Router;
  /** Where jobs are recorded; undefined: nowhere. */
  readonly history: HistoryStore | undefined;
  /** Once the store is open, how long an answer may wait for its writes and reads. */
  readonly answerWaitMs: number;
  readonly logger?: CommandLog;
}

export interface JobRun {
  readonly outcome: JobOutcome;
  readonly recorded: Promise<RecordOutcome>;
  /** The complete history note (a report's; `off` otherwise), once every write and read settled. */
  readonly history?: Promise<HistoryNote>;
}

type Previous = Map<string, StoredResult | null>;

const OFF: Promise<RecordOutcome> = Promise.resolve({ ok: 'off' });

/** `executing`: the job has reached `executor`, which a cancel must now tell. */
export async function runJob(context: JobContext, job: LiveJob, events: EventChannel<JobEvent>, executing: (executor: Executor) => void): Promise<JobRun> {
  const { request, origin } = job;
  const started = Date.now();
  const base = { requester: origin.requester, command: 'scan', text: request.text, targets: request.targets.split(','), ports: request.ports ?? 'common' } as const;
  const audit = (entry: Omit<AuditEntry, keyof typeof base | 'durationMs'>): void => context.audit.record({ ...base, ...entry, durationMs: Date.now() - started });
  const problem = (found: Problem): JobRun => {
    audit({ decision: found.kind === 'input' ? 'invalid' : 'refused', reason: found.code });
    return { outcome: { kind: 'problem', problem: found }, recorded: OFF };
  };

  const protocol = request.udp ? 'udp' : 'tcp';
  const history = context.history;
  const targets = typedTargets(request.targets);
  // The earlier results are read while the policy resolves and the scanner runs.
  const previous: Promise<Previous> | undefined =
    history === undefined ? undefined : history.ready().then((opened) => (opened.ok ? readPrevious(opened.value, targets, placeScope(origin)) : new Map()));
  previous?.catch(() => undefined); // read below, with its error; never an unhandled rejection
  const route = context.route?.(request) ?? LOCAL;
  if (route.kind === 'invalid') return problem(route.problem);
  const decide: Decide = route.kind === 'local' ? (...args) => context.policy.authoriseScan(...args) : (...args) => route.authorise(...args);
  const grant = await authorise(decide, job);
  if (!grant.ok) return problem(grant.error);
  const executor = route.kind === 'local' ? context.executor : route.executor;

  const recorder =
    history === undefined
      ? undefined
      : new JobRecorder(history, { id: job.id, requester: storedRequester(origin.requester, origin.userName), visibility: origin.visibility, request: { targets, ports: request.ports ?? null, protocol } }, context.logger);
  let terminal: TerminalEvent | undefined;
  try {
    terminal = job.cancelRequested ? { kind: 'result', report: { hosts: [], durationMs: 0, cancelled: true } } : await execute(executor, route.kind === 'local', job, grant.value, events, recorder, () => executing(executor));
  } finally {
    grant.value.release();
  }
  job.finishedAt = new Date();
  const addresses = grant.value.addresses.map((address) => address.address);
  switch (terminal.kind) {
    case 'refused':
      job.status = 'failed';
      recorder?.fail({ code: terminal.problem.code, message: terminal.problem.message });
      audit({ decision: 'refused', reason: terminal.problem.code, addresses });
      return { outcome: { kind: 'problem', problem: terminal.problem }, recorded: recorder?.settled() ?? OFF };
    case 'failed':
      job.status = 'failed';
      recorder?.fail({ code: terminal.code, message: terminal.message });
      audit({ decision: 'failed', addresses, reason: terminal.message });
      return { outcome: { kind: 'failed', code: terminal.code, message: terminal.message }, recorded: recorder?.settled() ?? OFF };
    case 'result': {
      const report = withTargetNotes(terminal.report, grant.value);
      job.status = report.cancelled ? 'cancelled' : 'done';
      audit({ decision: report.cancelled ? 'cancelled' : 'allowed', addresses, summary: Object.fromEntries(stateTotals(report.hosts)) });
      if (recorder === undefined || history === undefined || previous === undefined) return { outcome: { kind: 'report', report, history: { kind: 'off' } }, recorded: OFF, history: Promise.resolve({ kind: 'off' }) };
      recorder.finish(report, previous);
      const settled = settledNote(recorder, previous, report, job);
      return { outcome: { kind: 'report', report, history: await answerNote(context, history, settled) }, recorded: recorder.settled(), history: settled };
    }
  }
}

/** The port list and the policy; the parsed list is not kept (the executor reads the spec again). */
type Decide = ScanPolicy['authoriseScan'];

async function authorise(decide: Decide, job: LiveJob): Promise<Result<ScanGrant, Problem>> {
  const ports = parsePortSpec(job.request.ports ?? 'common', job.request.udp ? 'udp' : 'tcp');
  if (!ports.ok) return ports;
  return decide(job.origin.requester, job.request.targets, ports.value);
}

async function execute(
  executor: Executor,
  checkedHere: boolean,
  job: LiveJob,
  grant: ScanGrant,
  events: EventChannel<JobEvent>,
  recorder: JobRecorder | undefined,
  executing: () => void,
): Promise<TerminalEvent> {
  const stream = executor.execute({
    jobId: job.id,
    targets: checkedHere ? { kind: 'checked', addresses: grant.addresses } : { kind: 'typed', targets: job.request.targets },
    ...(checkedHere ? {} : { requester: requesterIds(job.origin.requester) }),
    ports: job.request.ports ?? 'common',
    protocol: job.request.udp ? 'udp' : 'tcp',
    options: {
      services: job.request.services === true,
      allHosts: job.request.allHosts === true,
      ...(job.request.detectLimit === undefined ? {} : { detectLimit: job.request.detectLimit }),
    },
  });
  executing();
  for await (const event of stream) {
    if (isTerminal(event)) return event;
    if (event.kind === 'started') {
      job.status = 'running';
      job.startedAt = new Date();
      recorder?.running(event.totalPorts);
      events.push({ kind: 'started', jobId: job.id, addresses: event.addresses, totalPorts: event.totalPorts });
    } else if (event.kind === 'detecting') {
      events.push({ kind: 'detecting', jobId: job.id, ports: event.ports });
    } else {
      const progress = { done: event.done, total: event.total, open: event.open };
      job.progress = progress;
      recorder?.progress(progress);
      events.push({ kind: 'progress', jobId: job.id, progress });
    }
  }
  return { kind: 'failed', code: 'executor-no-answer', message: 'the executor ended without a result' };
}

/** The history note once the job's writes and the earlier results' reads have settled. */
async function settledNote(recorder: JobRecorder, previous: Promise<Previous>, report: ScanReport, job: LiveJob): Promise<HistoryNote> {
  try {
    const [outcome, earlier] = await Promise.all([recorder.settled(), previous]);
    if (outcome.ok !== true) return { kind: 'unavailable', message: outcome.ok === false ? outcome.message : 'history is off' };
    return { kind: 'recorded', jobId: outcome.jobId, since: report.cancelled ? [] : sinceLast(earlier, report, outcome.jobId, job.startedAt ?? job.createdAt) };
  } catch (error) {
    // The store's errors already say what could not be done ("could not read the history: …").
    return { kind: 'unavailable', message: error instanceof Error ? error.message : String(error) };
  }
}

/** What the answer says about history: it waits (boundedly) only once the store is open. */
async function answerNote(context: JobContext, history: HistoryStore, settled: Promise<HistoryNote>): Promise<HistoryNote> {
  if (history.state() === 'opening') return { kind: 'opening' };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<HistoryNote>((resolve) => {
    const seconds = (context.answerWaitMs / 1000).toFixed(0);
    timer = setTimeout(() => resolve({ kind: 'unavailable', message: `the history store did not answer within ${seconds} s (this scan is recorded if it answers later)` }), context.answerWaitMs);
  });
  try {
    return await Promise.race([settled, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The grant's other addresses and warnings ride on the report, so every answer can list them. */
function withTargetNotes(report: ScanReport, grant: ScanGrant): ScanReport {
  const others = grant.otherAddresses ?? [];
  const warnings = grant.warnings ?? [];
  return { ...report, ...(others.length > 0 ? { otherAddresses: others } : {}), ...(warnings.length > 0 ? { targetWarnings: warnings } : {}) };
}

/** The requester's platform ids, nothing else (an agent logs them; names and roles stay here). */
function requesterIds(requester: Requester): ExecutionRequester {
  const { platform, userId, workspaceId, channelId } = requester;
  return { platform, userId, ...(workspaceId === undefined ? {} : { workspaceId }), ...(channelId === undefined ? {} : { channelId }) };
}
