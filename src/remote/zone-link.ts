// The bot's side of one zone's queue: a BullMQ Queue to add and remove jobs, and one QueueEvents
// reader (a blocking stream read) whose events are handed to the job they belong to. Opened on
// the first job for the zone and kept for the next.
import { Queue, QueueEvents } from 'bullmq';
import { QUEUE_PREFIX, queueName } from './queue-keys.js';
import type { RedisEndpoint } from './redis-options.js';

/** A queue event for one job, as BullMQ's QueueEvents reports it. */
export type QueueEvent =
  | { readonly kind: 'active' }
  | { readonly kind: 'progress'; readonly data: unknown }
  | { readonly kind: 'completed'; readonly value: unknown }
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'stalled' }
  | { readonly kind: 'removed' };

export interface ZoneLink {
  readonly queue: Queue;
  /** Resolves when both connections are ready, so no event of a job added after it is missed. */
  readonly ready: Promise<void>;
  watch(jobId: string, listener: (event: QueueEvent) => void): () => void;
  close(): Promise<void>;
}

export function openZoneLink(zone: string, endpoint: RedisEndpoint, onError: (error: Error) => void): ZoneLink {
  const connection = { ...endpoint };
  const queue = new Queue(queueName(zone), { connection, prefix: QUEUE_PREFIX });
  const events = new QueueEvents(queueName(zone), { connection, prefix: QUEUE_PREFIX });
  queue.on('error', onError);
  events.on('error', onError);
  const listeners = new Map<string, (event: QueueEvent) => void>();
  const deliver = (jobId: string, event: QueueEvent): void => listeners.get(jobId)?.(event);
  events.on('active', ({ jobId }) => deliver(jobId, { kind: 'active' }));
  events.on('progress', ({ jobId, data }) => deliver(jobId, { kind: 'progress', data }));
  events.on('completed', ({ jobId, returnvalue }) => deliver(jobId, { kind: 'completed', value: returnvalue }));
  events.on('failed', ({ jobId, failedReason }) => deliver(jobId, { kind: 'failed', reason: failedReason }));
  events.on('stalled', ({ jobId }) => deliver(jobId, { kind: 'stalled' }));
  events.on('removed', ({ jobId }) => deliver(jobId, { kind: 'removed' }));
  return {
    queue,
    ready: Promise.all([queue.waitUntilReady(), events.waitUntilReady()]).then(() => undefined),
    watch(jobId, listener) {
      listeners.set(jobId, listener);
      return () => listeners.delete(jobId);
    },
    async close() {
      await Promise.allSettled([events.close(), queue.close()]);
    },
  };
}
