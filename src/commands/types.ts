// The seam between the core and the chat platforms (after vercel/chat's Adapter and bolt-js's
// Receiver): adapters push commands in and get Replies back; the core knows no SDK.
import type { Requester, Platform } from '../policy/types.js';
import type { ChatPlace, PlaceCheck, PostOutcome } from '../report/place.js';
import type { Reply, ReplyAction } from '../report/reply.js';

export type { ChatPlace, PlaceCheck, PostOutcome, Poster } from '../report/place.js';

export interface IncomingCommand {
  /**
   * What the person typed, without the bot mention: "scan web-1 22,80", "/port 22",
   * "what is port 22 for?", "help". A slash command arrives as "/scan <its text>".
   */
  readonly text: string;
  readonly requester: Requester;
}

/**
 * Where the answer to one command goes. The core calls `progress` zero or more times (throttled to
 * at most one update every few seconds) and then `final` exactly once, also on failure or cancel.
 */
export interface Responder {
  progress(reply: Reply): Promise<void>;
  final(reply: Reply): Promise<void>;
}

export interface Bot {
  handleCommand(command: IncomingCommand, responder: Responder): Promise<void>;
  /** A button press (Rescan, Cancel, Explain) from a Reply's actions. */
  handleAction(action: ReplyAction, requester: Requester, responder: Responder): Promise<void>;
  /** Cancels every running scan (SIGINT/SIGTERM); each still gets its final answer. */
  shutdown(): Promise<void>;
  /**
   * The recent scans of `target` the requester may see, newest first, for autocomplete (Discord's
   * /diff ids): at most 25, `label` a short line (id, when, what was found). Empty when history is
   * not ready within a moment: suggestions must never hold an interaction up.
   */
  scanChoices?(requester: Requester, target: string): Promise<readonly { readonly id: string; readonly label: string }[]>;
}

export interface ChatAdapter {
  readonly platform: Platform;
  start(bot: Bot): Promise<void>;
  stop(): Promise<void>;
  /**
   * Optional capability: posts a Reply to a stored place outside any command (no reply token to
   * expire): a channel message, or the user's direct messages when there is no channel or the bot
   * may not post in it. Used for interrupted scans, late notices and (issue 16) watch alerts.
   * A `requester` Reply never goes to a channel. Resolves with where it went, or why not; never rejects.
   */
  post?(place: ChatPlace, reply: Reply): Promise<PostOutcome>;
  /**
   * Optional capability: whether the bot may post in the place's channel (Slack: is it a member),
   * asked before a watch is confirmed; never posts. Absent: assumed yes.
   */
  canPost?: PlaceCheck;
}
