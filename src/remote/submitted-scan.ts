// One job handed to a zone, watched until it has exactly one outcome. Events from the queue give
// answers at once; a slower poll of the job's state and of the zone's heartbeats is the safety
// net that also notices what sends no event: every agent of the zone gone (nothing would ever
// take or finish the job), and the job's deadline passing without an answer.
import { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { liveAgents } from './agent-liveness.js';
import { agentProgressSchema, CONTRACT_VERSION, scanJobSchema, type ScanJob } from './job-contract.js';
import { cancelKey } from './queue-keys.js';
import { withTimeout } from './time-bound.js';
import { cancelledBeforeStart, outcomeOfAnswer, outcomeOfFailure, type RemoteEvent, type RemoteOutcome } from './remote-outcome.js';
import type { QueueEvent, ZoneLink } from './zone-link.js';

export interface ClientTiming {
  /** A queued or running job is given up this long after the zone's last live agent was seen. */
  readonly agentGraceMs: number;
  /** After the job's deadline, how long its agent has to send the partial result. */
  readonly answerGraceMs: number;
  /** How often the job's state and the zone's agents are read (events come sooner). */
  readonly pollMs: number;
  /** Bound on reaching Redis to queue the job. */
  readonly submitTimeoutMs: number;
  /** How long a finished job stays in Redis (seconds), for a bot that reads it late. */
  readonly keepFinishedS: number;
}

export const CLIENT_TIMING: ClientTiming = { agentGraceMs: 6000, answerGraceMs: 5000, pollMs: 1000, submitTimeoutMs: 5000, keepFinishedS: 3600 };

/** A job's data as the caller gives it; the client adds the contract version and the zone. */
export type ScanJobRequest = Omit<ScanJob, 'version' | 'zone'>;

export interface SubmittedScan {
  readonly jobId: string;
  readonly zone: string;
  /** Exactly one outcome; never rejects (a broken queue is a `failed` outcome). */
  readonly outcome: Promise<RemoteOutcome>;
  /** Asks the agent to stop (its partial result is the outcome), or takes the job off the queue if no agent has it yet. */
  cancel(): Promise<void>;
}

export interface SubmitContext {
  readonly zone: string;
  readonly link: () => Promise<ZoneLink>;
  readonly redis: Redis;
  readonly timing: ClientTiming;
  readonly onEvent: (event: RemoteEvent) => void;
}

export function submitScan(context: SubmitContext, request: ScanJobRequest): SubmittedScan {
  const { zone, redis, timing } = context;
  let settle!: (outcome: RemoteOutcome) => void;
  const outcome = new Promise<RemoteOutcome>((resolve) => (settle = resolve));
  let settled = false;
  let cancelling = false;
  let unwatch = (): void => undefined;
  let poller: NodeJS.Timeout | undefined;
  let link: ZoneLink | undefined;
  const data = { version: CONTRACT_VERSION, zone, ...request };
  const finish = (result: RemoteOutcome): void => {
    if (settled) return;
    settled = true;
    clearInterval(poller);
    unwatch();
    settle(result);
  };
  /**
   * A job given up by this side must never run later: it leaves the queue, and an agent that has
   * it already sees the cancel. Done before the answer (a second at most, if Redis is away).
   */
  const abandon = async (result: RemoteOutcome): Promise<void> => {
    if (settled) return;
    cancelling = true; // the 'removed' event that follows is ours
    const cleanup = async (): Promise<void> => {
      await markCancelled();
      await link?.queue.remove(data.jobId);
    };
    await withTimeout(cleanup(), 1000).catch(() => undefined);
    finish(result);
  };
  const markCancelled = async (): Promise<void> => {
    const ttlMs = Math.max(0, data.deadline - Date.now()) + timing.answerGraceMs + 60_000;
    await redis.set(cancelKey(zone, data.jobId), '1', 'PX', ttlMs);
  };

  const onQueueEvent = (event: QueueEvent): void => {
    if (event.kind === 'completed') return finish(outcomeOfAnswer(event.value));
    if (event.kind === 'failed') return finish(outcomeOfFailure(event.reason));
    if (event.kind === 'removed' && !cancelling) return finish({ kind: 'failed', code: 'job-removed', message: 'the job was removed from the queue before it was answered' });
    if (event.kind === 'stalled') return context.onEvent({ kind: 'restarted', message: 'the agent running this scan stopped answering; the scan starts again on another agent of the zone' });
    if (event.kind === 'progress') {
      const progress = agentProgressSchema.safeParse(event.data);
      if (progress.success && !settled) context.onEvent(progress.data);
    }
  };

  let lastAlive = Date.now();
  let polling = false;
  const poll = async (): Promise<void> => {
    if (settled || polling || link === undefined) return;
    polling = true;
    try {
      const now = Date.now();
      if (now > data.deadline + timing.answerGraceMs) {
        return void (await abandon({ kind: 'timed-out', message: `no answer from zone ${zone} by the scan's deadline` }));
      }
      const state = await link.queue.getJobState(data.jobId);
      if (state === 'completed' || state === 'failed') {
        const job = await Job.fromId(link.queue, data.jobId);
        return finish(state === 'completed' ? outcomeOfAnswer(job?.returnvalue) : outcomeOfFailure(job?.failedReason));
      }
      if (state === 'unknown') return finish({ kind: 'failed', code: 'job-removed', message: 'the job is no longer on the queue and was not answered' });
      if ((await liveAgents(redis, zone)).length > 0) lastAlive = now;
      else if (now - lastAlive > timing.agentGraceMs) {
        await abandon(
          state === 'active'
            ? { kind: 'failed', code: 'agent-lost', message: `the agent running this scan stopped answering and no other agent of zone ${zone} is alive to retry it` }
            : { kind: 'no-agent', message: `no agent of zone ${zone} is running any more, so nothing can scan there` },
        );
      }
    } catch {
      // Redis unreachable for a moment: the next poll tries again, and the deadline still holds.
    } finally {
      polling = false;
    }
  };

  const start = async (): Promise<void> => {
    const checked = scanJobSchema.safeParse(data);
    if (!checked.success) return finish({ kind: 'failed', code: 'invalid-job', message: `the job does not fit the job contract: ${checked.error.issues[0]?.message ?? 'unknown problem'}` });
    const agents = await liveAgents(redis, zone);
    if (agents.length === 0) return finish({ kind: 'no-agent', message: `no agent of zone ${zone} is running: start \`portbot agent --zone ${zone}\` in that network` });
    link = await context.link();
    await link.ready;
    if ((await link.queue.getJobState(data.jobId)) !== 'unknown') return finish({ kind: 'failed', code: 'duplicate-job', message: `a job with id ${data.jobId} is already on zone ${zone}'s queue` });
    if (cancelling) return finish(cancelledBeforeStart());
    unwatch = link.watch(data.jobId, onQueueEvent);
    const keep = { age: timing.keepFinishedS, count: 1000 };
    await link.queue.add('scan', checked.data, { jobId: data.jobId, attempts: 1, removeOnComplete: keep, removeOnFail: keep });
    // Given up meanwhile (the submit bound passed): take it off again (its cancel key is set too).
    if (settled) return void (await link.queue.remove(data.jobId).catch(() => undefined));
    context.onEvent({ kind: 'queued' });
    poller = setInterval(() => void poll(), timing.pollMs);
  };
  void withTimeout(start(), timing.submitTimeoutMs).catch((error: unknown) =>
    abandon({ kind: 'failed', code: 'queue-unavailable', message: `could not queue the scan for zone ${zone}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]!}` }),
  );

  return {
    jobId: data.jobId,
    zone,
    outcome,
    async cancel() {
      if (settled || cancelling) return;
      cancelling = true;
      try {
        await markCancelled();
        // Still waiting: nobody will scan, so the cancel is the answer. Running: the agent answers.
        if (link !== undefined && (await link.queue.remove(data.jobId)) === 1) finish(cancelledBeforeStart());
      } catch {
        // The deadline still bounds the wait for the agent's answer.
      }
    },
  };
}
