// The seam between the core and the chat platforms (after vercel/chat's Adapter and bolt-js's
// Receiver): adapters push commands in and get Replies back; the core knows no SDK.
import type { Requester, Platform } from '../policy/types.js';
import type { Reply, ReplyAction } from '../report/reply.js';

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
}

export interface ChatAdapter {
  readonly platform: Platform;
  start(bot: Bot): Promise<void>;
  stop(): Promise<void>;
}
