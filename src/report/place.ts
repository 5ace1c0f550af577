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
