// A watch as the store keeps it, and what the watch runner asks of the store. The runner (src/watch/
// and src/cli/) decides; these records only remember: where the watch posts, who it scans as, its
// schedule as data, whether it is paused and why, and which scan job ran which slot.
import type { Requester as PolicyRequester } from '../policy/types.js';
import type { Protocol } from '../scanner/types.js';
import type { WatchPauseReason } from '../watch/pause-reason.js';
import type { WatchSchedule } from '../watch/schedule.js';
import type { Platform, StoredResult } from './types.js';

/**
 * Who each run scans as: the creator's platform ids as the policy reads them (their roles and the
 * bot's workspace as they were at creation). The display name is kept apart, for replies only.
 */
export type WatchCreator = Omit<PolicyRequester, 'userName'>;

/** The channel a watch belongs to and posts in ('' where the platform has no workspace). */
export interface WatchPlace {
  readonly platform: Platform;
  readonly workspaceId: string;
  readonly channelId: string;
}

export interface NewWatch {
  readonly place: WatchPlace;
  readonly creator: WatchCreator;
  readonly creatorName?: string;
  /** Targets as typed (comma-separated). */
  readonly targets: string;
  /** Port list as typed; null for the common ports. */
  readonly ports: string | null;
  readonly protocol: Protocol;
  readonly schedule: WatchSchedule;
  readonly timeZone: string;
  /** The creation: the watch's first slot, whose run is the baseline. */
  readonly createdAt: Date;
  /** The baseline's scan job, recorded as the run of the first slot. */
  readonly baselineJobId: string;
}

export interface StoredWatch extends Omit<NewWatch, 'baselineJobId' | 'creatorName'> {
  readonly id: string;
  readonly creatorName: string | null;
  /** The slot of the newest run that ended. */
  readonly lastSlot: Date | null;
  readonly lastRunAt: Date | null;
  /** Why it is paused; null while it runs. */
  readonly pauseReason: WatchPauseReason | null;
}

export interface WatchRecords {
  /** Records a watch with a fresh short id, and its baseline as the run of its first slot. */
  createWatch(watch: NewWatch): Promise<StoredWatch>;
  /** Watches of one place, or every watch; oldest first. */
  listWatches(place?: WatchPlace): Promise<StoredWatch[]>;
  getWatch(id: string): Promise<StoredWatch | undefined>;
  /** Deletes a watch (of `place`, when given); its scan jobs stay in history. Returns it, or undefined when there was none. */
  deleteWatch(id: string, place?: WatchPlace): Promise<StoredWatch | undefined>;
  /** Pauses a running watch; true only for the call that paused it (so it is announced once). */
  pauseWatch(id: string, reason: WatchPauseReason): Promise<boolean>;
  /**
   * Takes the run of `slot` for this process: true when the slot is newer than the last run and no
   * live process holds the lease (a holder that died, or this process, does not count).
   */
  acquireWatchRun(id: string, slot: Date): Promise<boolean>;
  /** Ends the run of `slot`: links its scan job (when it had one), records the slot as run, frees the lease. */
  finishWatchRun(id: string, slot: Date, jobId: string | undefined): Promise<void>;
  /** The watch's newest `count` done results (its runs' jobs), newest first: what watchChanges reads. */
  watchResults(id: string, count: number): Promise<StoredResult[]>;
}
