// A slash command's or button press's response_url: Slack honours it for 30 minutes and 5 uses,
// and documents replace_original/delete_original only for interactive messages (a Slack engineer:
// a slash command's earlier ephemeral cannot be replaced). So portbot never replaces or deletes
// through it: every use is a new message, counted, and refused here once Slack would refuse it.
import type { RespondFn, types } from '@slack/bolt';

export interface ResponseUrlLifetime {
  readonly lifetimeMs: number;
  readonly uses: number;
  /** How long before the end a still-running answer moves to a route that lasts (a DM). */
  readonly moveBeforeMs: number;
}

export const SLACK_RESPONSE_URL_LIFETIME: ResponseUrlLifetime = { lifetimeMs: 30 * 60_000, uses: 5, moveBeforeMs: 3 * 60_000 };

export interface ResponseMessage {
  readonly response_type: 'ephemeral' | 'in_channel';
  readonly text: string;
  readonly blocks?: readonly types.KnownBlock[];
}

export class ResponseUrl {
  private used = 0;
  private readonly expiresAt: number;

  constructor(
    private readonly respond: RespondFn,
    private readonly lifetime: ResponseUrlLifetime,
  ) {
    this.expiresAt = Date.now() + lifetime.lifetimeMs;
  }

  /** Milliseconds until answers that depend on this URL should move elsewhere. */
  get moveInMs(): number {
    return Math.max(0, this.expiresAt - this.lifetime.moveBeforeMs - Date.now());
  }

  /** Whether Slack would still take `count` more messages through it. */
  usable(count = 1): boolean {
    return this.used + count <= this.lifetime.uses && Date.now() < this.expiresAt;
  }

  async send(message: ResponseMessage): Promise<void> {
    if (!this.usable()) throw new Error('the response_url has expired or been used up');
    this.used += 1;
    // replace_original false: on a button press Slack would otherwise replace the message the
    // button is on (the result); on a slash command it is not honoured at all.
    await this.respond({ ...message, replace_original: false, unfurl_links: false, unfurl_media: false });
  }
}
