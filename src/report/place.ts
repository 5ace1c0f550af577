// Posting outside a command: a Reply to a stored place, with no interaction or reply token to
// answer through (they expire). Interrupted jobs use it now; watch alerts (issue 16) next.
// Adapters that can post implement ChatAdapter.post; the console prints.
import type { Platform } from '../policy/types.js';
import type { Reply } from './reply.js';

/**
 * Where to post. A channel of a workspace or guild (`channelId`), the requester's direct messages
 * when there is no channel (`userId` only), and `userId` beside a channel as the person to fall
 * back to when the bot may not post there.
 */
export interface ChatPlace {
  readonly platform: Platform;
  readonly workspaceId?: string;
  readonly channelId?: string;
  readonly userId?: string;
}

/** Delivered, and where; or not, and why (the bot is not in the channel, a permission is missing, DMs are closed). */
export type PostOutcome = { readonly delivered: true; readonly where: 'channel' | 'direct-message' | 'terminal' } | { readonly delivered: false; readonly reason: string };

export type Poster = (place: ChatPlace, reply: Reply) => Promise<PostOutcome>;

/** Whether the bot can post in a place's channel before it promises to (a watch posts there later); if not, why. */
export type PlaceCheck = (place: ChatPlace) => Promise<{ readonly ok: true } | { readonly ok: false; readonly reason: string }>;

/** A platform's two ways to a place, for postToChannelOrUser. */
export interface PlaceRoutes {
  /**
   * Posts in the channel. Resolves `{ refused }` when the platform said definitely that the bot may
   * not post there (nothing was posted, so a DM may follow); rejects for any other failure (it may
   * have been posted: nothing is sent again).
   */
  channel(channelId: string): Promise<{ readonly refused?: string }>;
  /** Posts in the user's direct messages; rejects when it could not. */
  user(userId: string): Promise<void>;
  /** One line for a failure of either route. */
  describe(error: unknown): string;
  /** Told when the direct message failed too (for the log). */
  userFailed(error: unknown): void;
}

/**
 * Every platform's rule for a post outside a command: in the place's channel; in the user's direct
 * messages when the reply is private, there is no channel, or the bot may not post there; else why not.
 */
export async function postToChannelOrUser(place: ChatPlace, reply: Reply, routes: PlaceRoutes): Promise<PostOutcome> {
  const toUser = async (why: string | undefined): Promise<PostOutcome> => {
    if (place.userId === undefined) return { delivered: false, reason: why ?? 'no channel and no user to post to' };
    try {
      await routes.user(place.userId);
      return { delivered: true, where: 'direct-message' };
    } catch (error) {
      routes.userFailed(error);
      return { delivered: false, reason: `${why === undefined ? '' : `${why}; `}direct message failed: ${routes.describe(error)}` };
    }
  };
  if (reply.visibility === 'requester' || place.channelId === undefined) return toUser(undefined);
  let sent: { readonly refused?: string };
  try {
    sent = await routes.channel(place.channelId);
  } catch (error) {
    return { delivered: false, reason: routes.describe(error) };
  }
  return sent.refused === undefined ? { delivered: true, where: 'channel' } : toUser(sent.refused);
}
