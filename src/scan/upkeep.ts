// What a long-running portbot (the bots, the console) does with its history in the background once
// the store is open: tell the requesters of jobs that died with an earlier process (marked
// `interrupted`), and prune what is older than PORTBOT_HISTORY_DAYS. Nothing here holds an answer.
import type { CommandLog } from '../log.js';
import { interruptedReply } from '../report/interrupted-reply.js';
import type { ChatPlace, Poster } from '../report/place.js';
import type { Store } from '../store/store.js';
import type { Job } from '../store/types.js';
import type { HistoryStore } from './history-store.js';

export interface UpkeepOptions {
  readonly historyDays: number;
  /** Posts to a place outside any command (the adapters' post capability); absent: requesters are not told. */
  readonly post?: Poster;
  readonly logger: CommandLog & { info(fields: object, message: string): void };
  /** How often to look again for jobs of processes that died (several bots on one PostgreSQL). Default 60 s. */
  readonly sweepEveryMs?: number;
  /** How often to prune. Default daily. */
  readonly pruneEveryMs?: number;
}

export interface Upkeep {
  /** Settles once the first sweep's requesters were told (tests wait for it). */
  readonly firstSweep: Promise<void>;
  stop(): void;
}

/** Where the requester of a stored job is: the channel it was asked in, or (a private scan) their DMs. */
export function placeOfJob(job: Job): ChatPlace {
  const { platform, workspaceId, channelId, userId } = job.requester;
  const workspace = workspaceId === '' ? {} : { workspaceId };
  return job.visibility === 'channel' && channelId !== '' ? { platform, ...workspace, channelId, userId } : { platform, ...workspace, userId };
}

export function startUpkeep(history: HistoryStore, options: UpkeepOptions): Upkeep {
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  const { logger } = options;

  const tell = async (job: Job): Promise<void> => {
    if (job.requester.platform === 'cli' || options.post === undefined) return; // the CLI's jobs read `interrupted` in history
    try {
      const outcome = await options.post(placeOfJob(job), interruptedReply(job));
      if (outcome.delivered) logger.info({ jobId: job.id, where: outcome.where }, 'told the requester of an interrupted scan');
      else logger.error({ jobId: job.id, why: outcome.reason }, 'could not tell the requester of an interrupted scan');
    } catch (error) {
      logger.error({ err: error, jobId: job.id }, 'could not tell the requester of an interrupted scan');
    }
  };
  const sweep = async (store: Store): Promise<void> => {
    try {
      const interrupted = await store.markInterrupted();
      for (const job of interrupted) await tell(job);
      logger.debug({ interrupted: interrupted.length }, 'history: looked for interrupted scans');
    } catch (error) {
      logger.error({ err: error }, 'could not look for interrupted scans');
    }
  };
  const prune = async (store: Store): Promise<void> => {
    try {
      const pruned = await store.prune(options.historyDays);
      if (pruned > 0) logger.info({ pruned, days: options.historyDays }, 'pruned old scans from history');
    } catch (error) {
      logger.error({ err: error }, 'could not prune history');
    }
  };

  const firstSweep = history.ready().then(async (opened) => {
    if (!opened.ok || stopped) return;
    const store = opened.value;
    await sweep(store);
    if (stopped) return;
    void prune(store);
    // Only a shared server has other processes that may die while this one runs.
    if (store.kind === 'postgres') timers.push(setInterval(() => void sweep(store), options.sweepEveryMs ?? 60_000).unref());
    timers.push(setInterval(() => void prune(store), options.pruneEveryMs ?? 86_400_000).unref());
  });
  return {
    firstSweep,
    stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
    },
  };
}
