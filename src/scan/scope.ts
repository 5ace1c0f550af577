// Which stored jobs a request may read (docs/store.md, "Who sees what"). Every read of history
// goes through one of these two: what a person may list or diff, and what a scan's answer compares
// with ("since the last scan" of that target in that place).
import type { Requester } from '../policy/types.js';
import type { Requester as StoredRequester, Scope } from '../store/types.js';
import { OPERATOR_SCOPE } from '../store/types.js';
import type { ScanOrigin } from './types.js';

/** The place of a requester as the store keeps it ('' where the platform has no workspace or channel). */
export function storedRequester(requester: Requester, userName?: string): StoredRequester {
  return {
    platform: requester.platform,
    workspaceId: requester.workspaceId ?? '',
    channelId: requester.channelId ?? '',
    userId: requester.userId,
    ...(userName === undefined ? {} : { userName }),
  };
}

/** /history and /diff: the console and the CLI run as the operator and read everything; a chat person reads their channel. */
export function readerScope(requester: Requester): Scope {
  if (requester.platform === 'console' || requester.platform === 'cli') return OPERATOR_SCOPE;
  const { platform, workspaceId, channelId, userId } = storedRequester(requester);
  return { kind: 'chat', platform, workspaceId, channelId, userId };
}

/**
 * A scan's "since the last scan": the same platform, workspace and channel (for the console and the
 * CLI too: their own earlier scans). A public answer compares with public scans only, so it never
 * reveals what a private scan found; a private one also with the requester's own private scans.
 */
export function placeScope(origin: ScanOrigin): Scope {
  const { platform, workspaceId, channelId, userId } = storedRequester(origin.requester);
  return { kind: 'chat', platform, workspaceId, channelId, userId, ...(origin.visibility === 'channel' ? { channelOnly: true } : {}) };
}
