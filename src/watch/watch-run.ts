// One run of a watch, for a slot the scheduler took the lease of: an ordinary scan job as the
// watch's creator (the policy, rate limits, socket share and history of any /scan), then the
// comparison with the watch's earlier results. It posts in the watch's channel only when
// something changed, or once when a refusal pauses it. The change is posted before the run is
// marked done, so a process killed in between re-runs the slot at its restart and says it again
// rather than never.
import type { Logger } from '../log.js';
import type { Poster } from '../report/place.js';
import { watchAlertReply, watchPausedReply } from '../report/watch-replies.js';
import type { ScanService } from '../scan/scan-service.js';
import type { DetectionLimit } from '../scanner/types.js';
import type { Store } from '../store/store.js';
import { OPERATOR_SCOPE } from '../store/types.js';
import type { StoredWatch } from '../store/watch-types.js';
import { WATCH_HISTORY_RUNS, watchChanges } from './changes.js';
import { pauseReasonOf, type WatchPauseReason } from './pause-reason.js';
import { scheduleWords } from './schedule.js';
import { postPlace, runOrigin, runRequest, watchFacts, watchText } from './stored-watch.js';

export interface WatchRunContext {
  readonly store: Store;
  readonly service: ScanService;
  readonly post: Poster;
  readonly detectLimit: DetectionLimit | undefined;
  readonly logger: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  /** The next run after this one, for the replies. */
  readonly nextRun: (id: string) => Date | undefined;
}

export type WatchRunEnd = { readonly kind: 'ran'; readonly changes: number } | { readonly kind: 'gone' } | { readonly kind: 'paused'; readonly reason: WatchPauseReason } | { readonly kind: 'skipped'; readonly why: string };

export async function runWatchSlot(context: WatchRunContext, id: string, slot: Date): Promise<WatchRunEnd> {
  const { store, logger } = context;
  const watch = await store.getWatch(id);
  if (watch === undefined) return { kind: 'gone' };
  if (watch.pauseReason !== null) return { kind: 'paused', reason: watch.pauseReason };
  let jobId: string | undefined;
  try {
    const text = `${watchText(watch, scheduleWords(watch.schedule))} (run of watch ${watch.id})`;
    const job = context.service.submit(runRequest(watch, text, context.detectLimit), runOrigin(watch));
    logger.debug({ watchId: id, slot, jobId: job.id }, 'watch: run started');
    const outcome = await job.outcome;
    if (outcome.kind === 'problem') {
      const reason = outcome.problem.kind === 'refusal' ? pauseReasonOf(outcome.problem) : undefined;
      if (reason === undefined) return { kind: 'skipped', why: outcome.problem.message };
      await pause(context, watch, reason);
      return { kind: 'paused', reason };
    }
    if (outcome.kind === 'failed') return { kind: 'skipped', why: outcome.message };
    if (outcome.report.cancelled) return { kind: 'skipped', why: 'the scan was cancelled (portbot is stopping)' };
    const recorded = await job.recorded;
    if (recorded.ok !== true) return { kind: 'skipped', why: recorded.ok === false ? recorded.message : 'not recorded' };
    jobId = recorded.jobId;
    const changes = await announceChanges(context, watch, jobId);
    return { kind: 'ran', changes };
  } finally {
    await store.finishWatchRun(id, slot, jobId);
  }
}

/** Compares the new result with the watch's stored ones and posts what changed; returns how many changes. */
async function announceChanges(context: WatchRunContext, watch: StoredWatch, jobId: string): Promise<number> {
  const { store } = context;
  const [newest, earlier] = await Promise.all([store.result(jobId, OPERATOR_SCOPE), store.watchResults(watch.id, WATCH_HISTORY_RUNS - 1)]);
  if (newest === undefined) return 0;
  const changes = watchChanges([newest, ...earlier.filter((result) => result.id !== jobId)]);
  const alert = watchAlertReply(watchFacts(watch, context.nextRun(watch.id)), changes);
  if (alert === undefined) return 0;
  const posted = await context.post(postPlace(watch.place, watch.creator.userId), alert);
  if (posted.delivered) context.logger.info({ watchId: watch.id, jobId, changes: changes.length, where: posted.where }, 'watch: announced a change');
  else context.logger.error({ watchId: watch.id, jobId, why: posted.reason }, 'watch: could not announce a change');
  return changes.length;
}

/** Pauses in the store; only the process whose update paused it says so, once, in the channel. */
async function pause(context: WatchRunContext, watch: StoredWatch, reason: WatchPauseReason): Promise<void> {
  if (!(await context.store.pauseWatch(watch.id, reason))) return;
  const facts = { ...watchFacts({ ...watch, pauseReason: reason }, undefined), paused: reason };
  const posted = await context.post(postPlace(watch.place, watch.creator.userId), watchPausedReply(facts));
  if (posted.delivered) context.logger.info({ watchId: watch.id, reason, where: posted.where }, 'watch: paused');
  else context.logger.error({ watchId: watch.id, reason, why: posted.reason }, 'watch: paused, and could not say so in its channel');
}
