// Watches in a running portbot: loads the stored watches once the store is open, schedules them
// (WatchScheduler with the store's lease, so bot processes sharing one PostgreSQL run each slot
// once), runs each slot (watch-run.ts), and answers /watch, /watch list and /watch stop.
import type { Logger } from '../log.js';
import type { Platform, Requester } from '../policy/types.js';
import type { PlaceCheck, Poster } from '../report/place.js';
import type { Reply } from '../report/reply.js';
import type { HistoryStore } from '../scan/history-store.js';
import type { ScanService } from '../scan/scan-service.js';
import type { DetectionLimit } from '../scanner/types.js';
import type { Store } from '../store/store.js';
import type { StoredWatch } from '../store/watch-types.js';
import type { WatchClock } from './clock.js';
import { WatchScheduler } from './scheduler.js';
import { nextSlot } from './slots.js';
import { scheduledWatch } from './stored-watch.js';
import { addWatch, listWatches, stopWatch, type WatchCommandContext } from './watch-commands.js';
import type { WatchAddRequest } from './watch-command.js';
import { runWatchSlot } from './watch-run.js';

export interface WatchServiceOptions {
  readonly service: ScanService;
  readonly history: HistoryStore;
  readonly post: Poster;
  readonly canPost?: PlaceCheck;
  /** Platforms this process can post to: only their watches run here (a console's watches need a console). */
  readonly platforms: () => readonly Platform[];
  readonly timeZone: string;
  readonly detectLimit: DetectionLimit | undefined;
  readonly logger: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  readonly clock?: WatchClock;
  /** PostgreSQL: how often to pick up watches other processes added or stopped. Default 30 s. */
  readonly syncEveryMs?: number;
}

/** What the chat router asks of watches. */
export interface WatchCommands {
  add(request: WatchAddRequest, requester: Requester, typed: string): Promise<Reply>;
  list(requester: Requester): Promise<Reply>;
  stop(id: string, requester: Requester): Promise<Reply>;
}

export interface WatchService extends WatchCommands {
  /** Loads and schedules the stored watches once the store is open; resolves then (or when it cannot open). */
  start(): Promise<void>;
  /** Schedules nothing more; resolves when runs going have ended. */
  close(): Promise<void>;
}

export function createWatchService(options: WatchServiceOptions): WatchService {
  const { logger } = options;
  let store: Store | undefined;
  let syncTimer: NodeJS.Timeout | undefined;
  let stopped = false;
  const scheduler = new WatchScheduler({
    runWatch: async (id, slot) => {
      if (store === undefined) return;
      const end = await runWatchSlot({ store, service: options.service, post: options.post, detectLimit: options.detectLimit, logger, nextRun: (watchId) => scheduler.nextRun(watchId) }, id, slot);
      logger.debug({ watchId: id, slot, end }, 'watch: run ended');
      if (end.kind === 'gone') scheduler.remove(id);
      if (end.kind === 'paused') scheduler.pause(id);
    },
    lease: { tryAcquire: (id, slot) => (store === undefined ? Promise.resolve(false) : store.acquireWatchRun(id, slot)) },
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    events: {
      skipped: (id, slot, why, cause) => {
        logger.debug({ watchId: id, slot, why, err: cause }, 'watch: slot skipped');
        if (why === 'leased') void refresh(id);
      },
      runFailed: (id, slot, error) => logger.error({ watchId: id, slot, err: error }, 'watch: run failed'),
    },
  });

  const runsHere = (watch: StoredWatch): boolean => options.platforms().includes(watch.place.platform);
  const schedule = (watch: StoredWatch): void => {
    if (!stopped && runsHere(watch)) scheduler.add(scheduledWatch(watch));
  };
  /** Another process stopped or paused it (its lease said no): follow the store. */
  const refresh = async (id: string): Promise<void> => {
    if (store === undefined) return;
    const watch = await store.getWatch(id).catch(() => null);
    if (watch === null) return; // the store did not answer: keep the watch, ask again at its next slot
    if (watch === undefined) scheduler.remove(id);
    else if (watch.pauseReason !== null) scheduler.pause(id);
  };
  const sync = async (): Promise<void> => {
    if (store === undefined) return;
    try {
      const stored = await store.listWatches();
      const ids = new Set(stored.map((watch) => watch.id));
      for (const watch of stored) if (scheduler.nextRun(watch.id) === undefined && watch.pauseReason === null && !scheduler.isRunning(watch.id)) schedule(watch);
      for (const id of known) if (!ids.has(id)) scheduler.remove(id);
      known = ids;
    } catch (error) {
      logger.warn({ err: error }, 'watch: could not read the stored watches');
    }
  };
  let known = new Set<string>();

  const context = (): WatchCommandContext => ({
    history: options.history,
    service: options.service,
    ...(options.canPost === undefined ? {} : { canPost: options.canPost }),
    timeZone: options.timeZone,
    detectLimit: options.detectLimit,
    now: () => (options.clock ?? { now: () => new Date() }).now(),
    nextRun: (watch) => scheduler.nextRun(watch.id) ?? (watch.pauseReason === null ? nextSlot(watch.schedule, watch.createdAt, new Date()) : undefined),
    scheduled: (watch) => {
      known.add(watch.id);
      schedule(watch);
    },
    unscheduled: (id) => scheduler.remove(id),
  });

  return {
    async start() {
      const opened = await options.history.ready();
      if (!opened.ok || stopped) return;
      store = opened.value;
      await sync();
      logger.info({ watches: known.size }, 'watch: loaded the stored watches');
      if (store.kind === 'postgres' && !stopped) syncTimer = setInterval(() => void sync(), options.syncEveryMs ?? 30_000).unref();
    },
    async close() {
      stopped = true;
      clearInterval(syncTimer);
      await scheduler.stop();
    },
    add: (request, requester, typed) => addWatch(context(), request, requester, typed),
    list: (requester) => listWatches(context(), requester),
    stop: (id, requester) => stopWatch(context(), id, requester),
  };
}
