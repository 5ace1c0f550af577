// A stored watch seen by the parts that use it: the scheduler (slots from its creation), the
// replies (what it watches, how often, paused or not), the channel it posts in, and the scan
// request each run submits as its creator.
import type { Requester } from '../policy/types.js';
import type { ChatPlace } from '../report/place.js';
import type { WatchFacts } from '../report/watch-replies.js';
import type { ScanOrigin, ScanRequest } from '../scan/types.js';
import type { DetectionLimit } from '../scanner/types.js';
import type { StoredWatch, WatchPlace } from '../store/watch-types.js';
import type { ScheduledWatch } from './scheduler.js';

export const scheduledWatch = (watch: StoredWatch): ScheduledWatch => ({
  id: watch.id,
  schedule: watch.schedule,
  anchor: watch.createdAt,
  lastRunAt: watch.lastSlot,
  paused: watch.pauseReason !== null,
});

export function watchFacts(watch: StoredWatch, nextRun: Date | undefined): WatchFacts {
  return {
    id: watch.id,
    targets: watch.targets,
    ports: watch.ports,
    udp: watch.protocol === 'udp',
    schedule: watch.schedule,
    ...(nextRun === undefined || watch.pauseReason !== null ? {} : { nextRun }),
    ...(watch.pauseReason === null ? {} : { paused: watch.pauseReason }),
    ...(watch.creatorName === null ? {} : { createdBy: watch.creatorName }),
  };
}

/** The channel a requester asked in, as watches are filed ('' where the platform has none). */
export const placeOfRequester = (requester: Requester): WatchPlace => ({
  platform: requester.platform,
  workspaceId: requester.workspaceId ?? '',
  channelId: requester.channelId ?? '',
});

/** Where a watch posts: its channel, with its creator as the person to fall back to (a DM) when the bot may not post there. */
export function postPlace(place: WatchPlace, userId: string): ChatPlace {
  return { platform: place.platform, ...(place.workspaceId === '' ? {} : { workspaceId: place.workspaceId }), ...(place.channelId === '' ? {} : { channelId: place.channelId }), userId };
}

/** `/watch web-1 22,80 every 6h` as the audit trail and history keep it. */
export const watchText = (watch: Pick<StoredWatch, 'targets' | 'ports' | 'protocol'>, schedule: string): string =>
  ['/watch', watch.targets, watch.ports ?? '', watch.protocol === 'udp' ? 'udp' : '', schedule].filter((part) => part !== '').join(' ');

/** One run's scan: the watch's targets and ports, with the chat's detection default so service changes are seen. */
export function runRequest(watch: StoredWatch, text: string, detectLimit: DetectionLimit | undefined): ScanRequest {
  return { targets: watch.targets, ports: watch.ports ?? undefined, udp: watch.protocol === 'udp', text, ...(detectLimit === undefined ? {} : { detectLimit }) };
}

/** Each run scans as the creator, in the channel: the same policy as if they typed /scan there. */
export function runOrigin(watch: StoredWatch): ScanOrigin {
  return { requester: watch.creator, visibility: 'channel', ...(watch.creatorName === null ? {} : { userName: watch.creatorName }) };
}
