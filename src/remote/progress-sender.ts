// An agent's progress through BullMQ's job.updateProgress: each update is a Redis round trip and a
// queue event, so the scanner's 10 a second are thinned to a few, and a slow Redis never piles
// them up (one in flight at most; the result follows anyway).
import type { Job } from 'bullmq';
import type { AgentLog } from './agent.js';
import type { AgentProgress } from './job-contract.js';
import { errorText } from './redis-connect.js';

/** Progress through job.updateProgress, in order: `started` and `detecting` always, `progress` at most one per `everyMs` and never two in flight. */
export function progressSender(job: Job, everyMs: number, log: AgentLog): { send(progress: AgentProgress): void; settled(): Promise<void> } {
  let inFlight: Promise<void> = Promise.resolve();
  let lastSent = 0;
  let busy = false;
  return {
    send(progress) {
      const now = Date.now();
      // `started` and `detecting` happen once and must arrive: they wait for the one in flight.
      if (progress.kind !== 'progress') {
        lastSent = now;
        inFlight = inFlight.then(() => job.updateProgress(progress)).catch((error: unknown) => log.warn({ jobId: job.id, err: errorText(error) }, 'progress not sent'));
        return;
      }
      if (busy || now - lastSent < everyMs) return;
      busy = true;
      lastSent = now;
      inFlight = inFlight
        .then(() => job.updateProgress(progress))
        .catch((error: unknown) => log.warn({ jobId: job.id, err: errorText(error) }, 'progress not sent'))
        .finally(() => (busy = false));
    },
    settled: () => inFlight,
  };
}
