// The executor seam over a zone's queue: the bot's scan service hands a job with the targets as
// typed to the zone's agents (queue-client.ts) and reads back the same events as from a scan run
// here. The agent's refusal is `refused`; no live agent, a lost agent, a deadline or a broken
// queue is `failed` with one line for the requester. Cancel becomes the queue's cancel.
import type { CommandLog } from '../log.js';
import { EventChannel } from '../scan/event-channel.js';
import type { ExecutionEvent, ExecutionSpec, Executor, TerminalEvent } from '../scan/executor.js';
import type { ScanAddress } from '../scanner/types.js';
import { typedTargetList } from './zones.js';
import type { QueueClient, RemoteEvent, RemoteOutcome, SubmittedScan } from './queue-client.js';

export interface QueueExecutorOptions {
  readonly zone: string;
  /** The bot's queue client, opened on first use (BullMQ loads only when a zone is scanned). */
  readonly client: () => Promise<QueueClient>;
  /** How long an agent may take over one job: it stops the scan then and sends what it found. */
  readonly jobDeadlineMs: number;
  /**
   * Whether an address the agent resolved lies in the zone's networks (PORTBOT_ZONES); one that
   * does not is named in the answer. Absent: the zone lists no networks, nothing to compare.
   */
  readonly inZone?: (address: string) => boolean;
  readonly logger?: CommandLog;
}

/** An agent's scans may run long: an hour, then the agent stops and answers with what it found. */
export const JOB_DEADLINE_MS = 60 * 60 * 1000;

export function createQueueExecutor(options: QueueExecutorOptions): Executor {
  const { zone } = options;
  /** Jobs out on the queue; `null` until submitted. A cancel before then is remembered. */
  const out = new Map<string, { submitted: SubmittedScan | null; cancelled: boolean }>();

  async function run(spec: ExecutionSpec, events: EventChannel<ExecutionEvent>): Promise<void> {
    if (spec.targets.kind !== 'typed') return events.push({ kind: 'failed', code: 'executor-needs-typed-targets', message: `zone ${zone}'s agents resolve and check targets themselves; they take targets as typed` });
    const entry = out.get(spec.jobId)!;
    const client = await options.client();
    const outside: ScanAddress[] = [];
    const onEvent = (event: RemoteEvent): void => {
      if (event.kind === 'started') {
        if (options.inZone !== undefined) outside.push(...event.addresses.filter(({ address }) => !options.inZone!(address)));
        events.push({ kind: 'started', addresses: event.addresses, totalPorts: event.totalPorts });
      } else if (event.kind === 'progress') events.push({ kind: 'progress', done: event.done, total: event.total, open: event.open });
      else if (event.kind === 'detecting') events.push({ kind: 'detecting', ports: event.ports });
      else if (event.kind === 'restarted') options.logger?.error({ jobId: spec.jobId, zone }, event.message);
    };
    const targets = typedTargetList(spec.targets.targets);
    entry.submitted = client.submit(
      zone,
      {
        jobId: spec.jobId,
        targets,
        ports: spec.ports,
        protocol: spec.protocol,
        options: { services: spec.options.services, allHosts: spec.options.allHosts, ...(spec.options.detectLimit === undefined ? {} : { detectLimit: spec.options.detectLimit }) },
        requester: spec.requester ?? { platform: 'cli', userId: 'unknown' },
        deadline: Date.now() + options.jobDeadlineMs,
      },
      onEvent,
    );
    if (entry.cancelled) void entry.submitted.cancel();
    events.push(terminalOf(await entry.submitted.outcome, zone, outside));
  }

  return {
    execute(spec) {
      const events = new EventChannel<ExecutionEvent>();
      out.set(spec.jobId, { submitted: null, cancelled: false });
      void run(spec, events)
        .catch((error: unknown) => {
          options.logger?.error({ err: error, jobId: spec.jobId, zone }, 'queue executor failed');
          events.push({ kind: 'failed', code: 'queue-unavailable', message: `could not hand the scan to zone ${zone}: ${error instanceof Error ? error.message.split('\n')[0]! : String(error)}` });
        })
        .finally(() => {
          out.delete(spec.jobId);
          events.close();
        });
      return events;
    },
    cancel(jobId) {
      const entry = out.get(jobId);
      if (entry === undefined) return;
      entry.cancelled = true;
      void entry.submitted?.cancel();
    },
  };
}

/** The one answer, as the scan service reads it. */
function terminalOf(outcome: RemoteOutcome, zone: string, outside: readonly ScanAddress[]): TerminalEvent {
  switch (outcome.kind) {
    case 'result': {
      const warnings = outside.map(({ target, address }) => `zone ${zone}'s agent resolved ${target} to ${address}, outside the zone's networks in PORTBOT_ZONES (its own allowlist let it scan there)`);
      const report = warnings.length === 0 ? outcome.report : { ...outcome.report, targetWarnings: [...(outcome.report.targetWarnings ?? []), ...warnings] };
      return { kind: 'result', report };
    }
    case 'refused':
      return { kind: 'refused', problem: outcome.problem };
    case 'failed':
      return { kind: 'failed', code: outcome.code, message: outcome.message };
    case 'no-agent':
      return { kind: 'failed', code: 'no-agent', message: outcome.message };
    case 'timed-out':
      return { kind: 'failed', code: 'timed-out', message: outcome.message };
  }
}
