// One command's answer in Slack. Progress and a channel-wide final answer share one message: the
// first is posted, everything after replaces it (chat.update), so a long scan is one message that
// changes. Answers only for the requester go through the response_url (it works in channels the
// bot has not joined and replaces the "Scanning…" note) or chat.postEphemeral.
import type { Logger } from 'pino';
import type { RespondArguments, RespondFn } from '@slack/bolt';
import type { Reply } from '../../src/commands/reply.js';
import type { Responder } from '../../src/commands/types.js';
import { attachFullResult } from './attach.js';
import { renderReply, type SlackMessage } from './render.js';
import { createOnce, type SlackClients } from './web-clients.js';

export interface Conversation {
  readonly channelId: string;
  readonly userId: string;
  /** Mentions in a thread are answered in that thread. */
  readonly threadTs?: string;
  /** Present for slash commands and button presses. */
  readonly respond?: RespondFn;
  /** The command was acknowledged with an ephemeral "Scanning…" note that the answer should replace. */
  readonly ackNote: boolean;
}

// Slack allows five uses of a response_url; keep two for the final answer and the note's removal.
const responseUrlProgressLimit = 3;
const noAccess = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

export class SlackResponder implements Responder {
  private messageTs: string | undefined;
  private channelClosed = false;
  private responseUrlUses = 0;
  private finished = false;

  constructor(
    private readonly clients: SlackClients,
    private readonly conversation: Conversation,
    private readonly logger: Logger,
  ) {}

  get answered(): boolean {
    return this.finished;
  }

  async progress(reply: Reply): Promise<void> {
    if (this.finished) return;
    try {
      const message = renderReply(reply);
      if (reply.visibility === 'channel') await this.showInChannel(message, false);
      else if (this.conversation.respond !== undefined && this.responseUrlUses < responseUrlProgressLimit) {
        await this.respond({ response_type: 'ephemeral', replace_original: this.conversation.ackNote, ...body(message) });
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'slack: progress update failed; the final answer still follows');
    }
  }

  async final(reply: Reply): Promise<void> {
    if (this.finished) {
      this.logger.error({ title: reply.title }, 'slack: a second final answer for one command was dropped');
      return;
    }
    this.finished = true;
    const message = renderReply(reply);
    try {
      if (reply.visibility === 'channel') await this.finalInChannel(message, reply);
      else await this.finalForRequester(message, reply);
    } catch (error) {
      // Never post again after a failed create: Slack may have stored it (see web-clients.ts).
      this.logger.error({ err: error, channel: this.conversation.channelId }, 'slack: the final answer could not be delivered');
    }
  }

  private async finalInChannel(message: SlackMessage, reply: Reply): Promise<void> {
    const viaApi = await this.showInChannel(message, true);
    if (viaApi && this.conversation.ackNote && this.conversation.respond !== undefined) {
      await this.respond({ delete_original: true }).catch((error: unknown) => {
        this.logger.debug({ err: error }, 'slack: could not remove the "Scanning…" note');
      });
    }
    if (message.cut && reply.attachment !== undefined && viaApi) {
      await attachFullResult(this.clients, reply.attachment, { channelId: this.conversation.channelId, threadTs: this.messageTs }, this.logger);
    }
  }

  private async finalForRequester(message: SlackMessage, reply: Reply): Promise<void> {
    const { respond, channelId, userId, threadTs } = this.conversation;
    if (respond !== undefined) {
      await this.respond({ response_type: 'ephemeral', replace_original: this.conversation.ackNote, ...body(message) });
    } else {
      await createOnce(() => this.clients.posting.chat.postEphemeral({ channel: channelId, user: userId, ...body(message), ...(threadTs === undefined ? {} : { thread_ts: threadTs }) }));
    }
    if (this.messageTs !== undefined) {
      // A public progress message exists: close it without showing what only the requester may see.
      await this.clients.updating.chat.update({ channel: channelId, ts: this.messageTs, text: 'This scan has ended; the answer went only to the person who asked.', blocks: [] });
    }
    if (message.cut && reply.attachment !== undefined) await attachFullResult(this.clients, reply.attachment, { userId }, this.logger);
  }

  /** Posts or replaces the channel message; false when it had to go through the response_url. */
  private async showInChannel(message: SlackMessage, isFinal: boolean): Promise<boolean> {
    const { channelId, threadTs } = this.conversation;
    if (this.messageTs !== undefined) {
      await this.clients.updating.chat.update({ channel: channelId, ts: this.messageTs, ...body(message) });
      return true;
    }
    if (!this.channelClosed) {
      try {
        const posted = await createOnce(() =>
          this.clients.posting.chat.postMessage({ channel: channelId, ...body(message), ...(threadTs === undefined ? {} : { thread_ts: threadTs }) }),
        );
        this.messageTs = posted.ts;
        return true;
      } catch (error) {
        // Only a definite "you may not post here" falls back; that answer means nothing was posted.
        if (!noAccess.has(platformError(error) ?? '') || this.conversation.respond === undefined) throw error;
        this.channelClosed = true;
      }
    }
    // The bot is not in this channel: the response_url still reaches it; progress waits for the final.
    if (isFinal) await this.respond({ response_type: 'in_channel', replace_original: this.conversation.ackNote, ...body(message) });
    return false;
  }

  private async respond(args: RespondArguments): Promise<void> {
    const respond = this.conversation.respond;
    if (respond === undefined) return;
    this.responseUrlUses += 1;
    await respond(args);
  }
}

function body(message: SlackMessage): { text: string; blocks: SlackMessage['blocks']; unfurl_links: false; unfurl_media: false } {
  return { text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false };
}

function platformError(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
