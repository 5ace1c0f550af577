// An agent: a BullMQ worker on its zone's queue that runs each job with portbot's own policy and
// scanner (agent-job.ts), at most `concurrency` at a time. Around it: a heartbeat so bots can tell
// the zone has a live agent, a watch on cancel keys that turns a bot's Cancel into BullMQ's job
// cancellation (worker.cancelJob aborts the processor's signal; a cancel from another process has
// no BullMQ API but this), and a shutdown that lets running scans finish for a grace period, then
// stops them so each still answers with what it found.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { PortbotError } from '../errors.js';
import { createHeartbeat, HEARTBEAT, type HeartbeatTiming } from './agent-liveness.js';
import { runAgentJob, type AgentJobDeps } from './agent-job.js';
import { failureReason, type AgentAnswer } from './job-contract.js';
import { progressSender } from './progress-sender.js';
import { cancelKey, QUEUE_PREFIX, queueName } from './queue-keys.js';
import { connectOrExplain, errorText } from './redis-connect.js';
import { shownUrl } from '../shown-url.js';
import { redisOptions } from './redis-options.js';

export interface AgentLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface AgentTiming {
  /** BullMQ's job lock: a job whose agent has not renewed it for this long is stalled. */
  readonly lockDurationMs: number;
  /** How often this agent looks for stalled jobs (of any agent of the zone). */
  readonly stalledIntervalMs: number;
  readonly heartbeat: HeartbeatTiming;
  /** How often running jobs' cancel keys are read. */
  readonly cancelPollMs: number;
  /** At most one progress update per job this often. */
  readonly progressEveryMs: number;
  /** How long the first connection to Redis may take before the agent gives up. */
  readonly connectTimeoutMs: number;
}

/**
 * A stalled job is retried once (maxStalledCount 1) and fails the second time. lockDuration is
 * short so a dead agent is noticed within seconds; the lock is renewed every half of it, and the
 * scanner's threads keep this thread free to do so.
 */
export const AGENT_TIMING: AgentTiming = { lockDurationMs: 4000, stalledIntervalMs: 2000, heartbeat: HEARTBEAT, cancelPollMs: 100, progressEveryMs: 250, connectTimeoutMs: 10_000 };

export interface AgentSettings {
  readonly zone: string;
  readonly redisUrl: string;
  readonly concurrency: number;
  readonly job: Omit<AgentJobDeps, 'zone' | 'agentId'>;
  readonly log: AgentLog;
  readonly timing?: Partial<AgentTiming>;
}

export interface RunningAgent {
  readonly id: string;
  /** Takes no new job; running scans get `graceMs` to finish, then stop and return what they found. */
  stop(graceMs: number): Promise<void>;
  /** Stops every running scan now (each still returns its partial result). */
  hurry(): void;
}

export async function startAgent(settings: AgentSettings): Promise<RunningAgent> {
  const { zone, log } = settings;
  const timing = { ...AGENT_TIMING, ...settings.timing };
  const options = redisOptions(settings.redisUrl);
  const id = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const redis = new Redis({ ...options, lazyConnect: true, maxRetriesPerRequest: null });
  await connectOrExplain(redis, settings.redisUrl, timing.connectTimeoutMs);
  redis.on('error', (error: Error) => log.warn({ err: error.message }, 'redis connection problem'));

  const active = new Set<string>();
  const processor = async (job: Job, _token: string | undefined, signal: AbortSignal | undefined): Promise<AgentAnswer> => {
    const jobId = job.id ?? '';
    active.add(jobId);
    const progress = progressSender(job, timing.progressEveryMs, log);
    try {
      // A Cancel pressed while the job still waited in the queue.
      if ((await redis.exists(cancelKey(zone, jobId))) === 1) worker.cancelJob(jobId, 'cancelled');
      const outcome = await runAgentJob(job.data, { ...settings.job, zone, agentId: id }, { signal: signal ?? new AbortController().signal, progress: (update) => progress.send(update) });
      await progress.settled();
      if (!outcome.ok) {
        log.warn({ jobId, code: outcome.error.code }, 'job failed');
        // Unrecoverable: a job that failed on its merits is not retried elsewhere.
        throw new UnrecoverableError(failureReason(outcome.error));
      }
      log.info({ jobId, kind: outcome.value.kind }, 'job answered');
      return outcome.value;
    } finally {
      active.delete(jobId);
    }
  };
  const worker = new Worker(queueName(zone), processor, {
    connection: options,
    prefix: QUEUE_PREFIX,
    concurrency: settings.concurrency,
    lockDuration: timing.lockDurationMs,
    stalledInterval: timing.stalledIntervalMs,
    maxStalledCount: 1,
    autorun: false,
    name: id,
  });
  worker.on('error', (error: Error) => log.warn({ err: error.message }, 'queue problem'));
  worker.on('stalled', (jobId: string) => log.warn({ jobId }, 'a job of a lost agent was stalled and goes back to the queue (or fails the second time)'));

  const announcement = { id, host: hostname(), pid: process.pid, concurrency: settings.concurrency, startedAt: new Date().toISOString() };
  const heartbeat = createHeartbeat(redis, zone, announcement, (error) => log.warn({ err: errorText(error) }, 'heartbeat failed'), timing.heartbeat);
  try {
    await worker.waitUntilReady();
    await heartbeat.start();
  } catch (error) {
    await worker.close(true).catch(() => undefined);
    redis.disconnect();
    throw new PortbotError('redis-refused', `Redis at ${shownUrl(settings.redisUrl, 'PORTBOT_REDIS_URL')} refused the agent: ${errorText(error)} (see docs/agents.md for the ACL an agent needs)`, { cause: error });
  }
  const running = worker.run().catch((error: unknown) => log.error({ err: errorText(error) }, 'worker stopped'));
  const cancelWatch = setInterval(() => void readCancels().catch((error: unknown) => log.warn({ err: errorText(error) }, 'cancel watch failed')), timing.cancelPollMs);
  async function readCancels(): Promise<void> {
    const ids = [...active];
    if (ids.length === 0) return;
    const marks = await redis.mget(ids.map((jobId) => cancelKey(zone, jobId)));
    ids.forEach((jobId, index) => {
      if (marks[index] !== null && worker.cancelJob(jobId, 'cancelled')) log.info({ jobId }, 'job cancelled by its requester');
    });
  }
  log.info({ zone, id, concurrency: settings.concurrency, redis: shownUrl(settings.redisUrl, 'PORTBOT_REDIS_URL') }, 'agent ready');

  let stopping: Promise<void> | undefined;
  const hurry = (): void => worker.cancelAllJobs('agent-shutdown');
  return {
    id,
    hurry,
    stop(graceMs) {
      stopping ??= (async () => {
        // First leave the zone, so bots stop counting on this agent, then finish what runs.
        await heartbeat.stop().catch((error: unknown) => log.warn({ err: errorText(error) }, 'could not remove the heartbeat'));
        const late = setTimeout(hurry, graceMs);
        try {
          await worker.close();
          await running;
        } finally {
          clearTimeout(late);
          clearInterval(cancelWatch);
          redis.disconnect();
        }
        log.info({ zone, id }, 'agent stopped');
      })();
      return stopping;
    },
  };
}
