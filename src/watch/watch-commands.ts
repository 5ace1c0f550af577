// /watch, /watch list and /watch stop as answers. A new watch is confirmed only after its baseline
// scan ran (as any /scan by its creator: a refused target is refused here, before anything is
// stored) and after the platform said portbot may post in the channel, where its alerts go.
// Chat people see and stop the watches of their channel; the console (the operator) all of them.
import type { Requester } from '../policy/types.js';
import type { PlaceCheck } from '../report/place.js';
import { errorReply, noticeReply, problemReply } from '../report/problem-reply.js';
import type { Reply } from '../report/reply.js';
import { watchConfirmedReply, watchListReply, watchStoppedReply } from '../report/watch-replies.js';
import type { HistoryStore } from '../scan/history-store.js';
import type { ScanService } from '../scan/scan-service.js';
import type { DetectionLimit } from '../scanner/types.js';
import type { Store } from '../store/store.js';
import { err, type Result } from '../result.js';
import { OPERATOR_SCOPE } from '../store/types.js';
import type { StoredWatch, WatchPlace } from '../store/watch-types.js';
import { placeOfRequester, postPlace, watchFacts } from './stored-watch.js';
import type { WatchAddRequest } from './watch-command.js';

export interface WatchCommandContext {
  readonly history: HistoryStore;
  readonly service: ScanService;
  readonly canPost?: PlaceCheck;
  readonly timeZone: string;
  readonly detectLimit: DetectionLimit | undefined;
  readonly now: () => Date;
  readonly nextRun: (watch: StoredWatch) => Date | undefined;
  /** A new watch is stored: schedule it. */
  readonly scheduled: (watch: StoredWatch) => void;
  readonly unscheduled: (id: string) => void;
}

/** The console and the CLI are the operator's: every watch. A chat person: their channel's. */
const scopeOf = (requester: Requester): WatchPlace | undefined => (requester.platform === 'console' || requester.platform === 'cli' ? undefined : placeOfRequester(requester));

async function openStore(context: WatchCommandContext): Promise<Result<Store, Reply>> {
  const opened = await context.history.ready();
  return opened.ok ? opened : err(noticeReply('Watches are unavailable', `portbot keeps watches in its history store, which it cannot use right now: ${opened.error.message}.`, 'warning'));
}

export async function addWatch(context: WatchCommandContext, request: WatchAddRequest, requester: Requester, typed: string): Promise<Reply> {
  const place = placeOfRequester(requester);
  if (context.canPost !== undefined && requester.platform !== 'console' && requester.platform !== 'cli') {
    const check = await context.canPost(postPlace(place, requester.userId));
    if (!check.ok) return noticeReply('portbot cannot post here', `A watch posts its alerts in this channel, but ${check.reason}. No watch was started.`, 'warning');
  }
  const opened = await openStore(context);
  if (!opened.ok) return opened.error;
  const store = opened.value;
  const { targets, ports, udp } = request;
  const detect = context.detectLimit === undefined ? {} : { detectLimit: context.detectLimit };
  const job = context.service.submit({ targets, ports, udp, text: typed, ...detect }, { requester, visibility: 'channel', ...(requester.userName === undefined ? {} : { userName: requester.userName }) });
  const outcome = await job.outcome;
  if (outcome.kind === 'problem') return problemReply(outcome.problem);
  if (outcome.kind === 'failed') return errorReply(outcome.code);
  if (outcome.report.cancelled) return noticeReply('No watch started', 'The baseline scan was cancelled, so there is nothing to compare with. No watch was started.', 'warning');
  const recorded = await job.recorded;
  if (recorded.ok !== true) return noticeReply('No watch started', `The baseline scan ran, but ${recorded.ok === false ? recorded.message : 'it was not recorded'}, so a watch would have nothing to compare with.`, 'warning');
  const { workspaceId, channelId, roleIds, botWorkspaceId } = requester;
  const creator = { platform: requester.platform, userId: requester.userId, ...(workspaceId === undefined ? {} : { workspaceId }), ...(channelId === undefined ? {} : { channelId }), ...(roleIds === undefined ? {} : { roleIds }), ...(botWorkspaceId === undefined ? {} : { botWorkspaceId }) };
  const watch = await store.createWatch({
    place,
    creator,
    ...(requester.userName === undefined ? {} : { creatorName: requester.userName }),
    targets,
    ports: ports ?? null,
    protocol: udp ? 'udp' : 'tcp',
    schedule: request.schedule,
    timeZone: context.timeZone,
    createdAt: context.now(),
    baselineJobId: recorded.jobId,
  });
  context.scheduled(watch);
  const baseline = await store.result(recorded.jobId, OPERATOR_SCOPE);
  return watchConfirmedReply(watchFacts(watch, context.nextRun(watch)), baseline ?? { id: recorded.jobId, status: 'done', startedAt: watch.createdAt, finishedAt: null, hosts: [] }, context.timeZone);
}

export async function listWatches(context: WatchCommandContext, requester: Requester): Promise<Reply> {
  const opened = await openStore(context);
  if (!opened.ok) return opened.error;
  const store = opened.value;
  const scope = scopeOf(requester);
  const watches = await store.listWatches(scope);
  return watchListReply(watches.map((watch) => watchFacts(watch, context.nextRun(watch))), context.timeZone, scope === undefined ? 'all' : 'channel');
}

export async function stopWatch(context: WatchCommandContext, id: string, requester: Requester): Promise<Reply> {
  const opened = await openStore(context);
  if (!opened.ok) return opened.error;
  const store = opened.value;
  const scope = scopeOf(requester);
  const watch = await store.deleteWatch(id, scope);
  if (watch === undefined) return noticeReply('No such watch', `There is no watch ${id}${scope === undefined ? '' : ' in this channel'}; /watch list shows the ids.`, 'warning');
  context.unscheduled(watch.id);
  return watchStoppedReply(watchFacts(watch, undefined));
}
