// A stand-in for the bot's side, run as its own process (in the lab: inside the bot's namespace,
// which has no route to the targets): submits jobs through the real queue client and prints one
// JSON line per event and per outcome, then exits. `node bot-main.js '<json BotOrder>'`.
import { createQueueClient, type RemoteOutcome, type ScanJobRequest } from '../../src/remote/queue-client.js';

export interface BotOrder {
  readonly redisUrl: string;
  readonly zone: string;
  readonly jobs: readonly (Omit<ScanJobRequest, 'deadline' | 'options' | 'requester' | 'protocol'> & {
    readonly deadlineMs: number;
    readonly protocol?: 'tcp' | 'udp';
    /** Cancel this job when the job `of` (this one by default) has its first event of `kind`. */
    readonly cancelOn?: { readonly kind: string; readonly of?: string };
  })[];
}

export type BotLine = { readonly jobId: string; readonly event: Record<string, unknown> } | { readonly jobId: string; readonly outcome: Record<string, unknown> };

const order = JSON.parse(process.argv[2] ?? '{}') as BotOrder;
const client = createQueueClient({ redisUrl: order.redisUrl });
const print = (line: BotLine): void => void process.stdout.write(`${JSON.stringify(line)}\n`);
/** The outcome as plain JSON: a report's port lists become arrays (their toJSON). */
const plain = (outcome: RemoteOutcome): Record<string, unknown> => JSON.parse(JSON.stringify(outcome)) as Record<string, unknown>;

const cancels = new Map<string, () => void>();
const seen = new Set<string>();
/** Runs the cancels waiting for this job's first event of this kind. */
const trigger = (jobId: string, kind: string): void => {
  if (seen.has(`${jobId}/${kind}`)) return;
  seen.add(`${jobId}/${kind}`);
  for (const job of order.jobs) if (job.cancelOn !== undefined && (job.cancelOn.of ?? job.jobId) === jobId && job.cancelOn.kind === kind) cancels.get(job.jobId)?.();
};

await Promise.all(
  order.jobs.map(async (job) => {
    const submitted = client.submit(
      order.zone,
      {
        jobId: job.jobId,
        targets: job.targets,
        ports: job.ports,
        protocol: job.protocol ?? 'tcp',
        options: { services: false, allHosts: false },
        requester: { platform: 'slack', userId: 'U0TEST', workspaceId: 'T0TEST', channelId: 'C0TEST' },
        deadline: Date.now() + job.deadlineMs,
      },
      (event) => {
        print({ jobId: job.jobId, event: { ...event } });
        trigger(job.jobId, event.kind);
      },
    );
    cancels.set(job.jobId, () => void submitted.cancel());
    print({ jobId: job.jobId, outcome: plain(await submitted.outcome) });
  }),
);
await client.close();
