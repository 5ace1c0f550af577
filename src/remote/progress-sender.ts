// An agent's progress through BullMQ's job.updateProgress: each update is a Redis round trip and a
// queue event, so the scanner's 10 a second are thinned to a few, and a slow Redis never piles
// them up (one in flight at most; the result follows anyway).
import type { Job } from 'bullmq';
import type { AgentLog } from './agent.js';
import type { AgentProgress } from './job-contract.js';
import { errorText } from './redis-connect.js';

/** Progress through job.updateProgress: `started` at once, then at most one per `everyMs`, never two in flight. */
export function progressSender(job: Job, everyMs: number, log: AgentLog): { send(progress: AgentProgress): void; settled(): Promise<void> } {
  let inFlight: Promise<void> = Promise.resolve();
  let lastSent = 0;
  let busy = false;
  return {
    send(progress) {
      const now = Date.now();
      if (busy || (progress.kind === 'progress' && now - lastSent < everyMs)) return;
      busy = true;
      lastSent = now;
      inFlight = job
        .updateProgress(progress)
        .catch((error: unknown) => log.warn({ jobId: job.id, err: errorText(error) }, 'progress not sent'))
        .finally(() => (busy = false));
    },
    settled: () => inFlight,
  };
}
