// Where a slash command's or button's answers land. First the deferred reply, edited in place.
// A scan that outlives the interaction token (15 minutes) moves before the token runs out: a
// public answer to a new channel message (else the requester's DMs), a private one to the DMs,
// and the deferred reply, in its last edit, says where the answer went. A final answer Discord
// will not take is replaced by a short plain line through any route that still works.
import { MessageFlags } from 'discord.js';
import type { Message, RepliableInteraction } from 'discord.js';
import type { Logger } from 'pino';
import type { Reply } from '../../src/report/reply.js';
import type { AnswerSink } from './answer-queue.js';
import { fallbackMessage, firstThatWorks } from './fallback.js';
import { sendRefusingFiles } from './files-refused.js';
import type { ActionCodec } from './render-actions.js';
import { NO_MENTIONS, renderReply, type DiscordMessage } from './render.js';
import { retryIdempotent } from './rest-retry.js';
import type { TokenLifetime } from './token-lifetime.js';

/** What the public placeholder says for the moment before it is deleted: nothing of the answer. */
const ANSWERED_PRIVATELY = 'portbot answered privately.';

export interface InteractionSinkOptions {
  /** How the interaction was deferred; Discord fixes a reply's visibility at the deferral. */
  readonly ephemeral: boolean;
  readonly codec: ActionCodec;
  readonly lifetime: TokenLifetime;
  readonly logger: Logger;
}

const plain = (content: string) => ({ content, embeds: [], components: [], files: [], allowedMentions: NO_MENTIONS });

export class InteractionSink implements AnswerSink {
  private readonly tokenExpiresAt: number;
  /** The message the answer moved to when the token was about to run out. */
  private moved: { readonly message: Message; readonly where: 'channel' | 'dm' } | null = null;
  private lastProgress: DiscordMessage | null = null;
  private finished = false;

  constructor(
    private readonly interaction: RepliableInteraction,
    private readonly options: InteractionSinkOptions,
  ) {
    this.tokenExpiresAt = Date.now() + options.lifetime.lifetimeMs;
  }

  /** When `moveAway` should run: some time before the token expires. */
  get moveInMs(): number {
    return Math.max(0, this.tokenExpiresAt - this.options.lifetime.moveBeforeMs - Date.now());
  }

  async showProgress(reply: Reply): Promise<void> {
    if (reply.visibility === 'requester' && !this.options.ephemeral) return;
    const payload = renderReply(reply, this.options.codec, { progress: true });
    this.lastProgress = payload;
    const moved = this.moved;
    await retryIdempotent(() => (moved === null ? this.interaction.editReply(payload) : moved.message.edit(payload)));
  }

  async showFinal(reply: Reply): Promise<void> {
    this.finished = true;
    try {
      await sendRefusingFiles((options) => renderReply(reply, this.options.codec, options), (message) => this.deliver(reply, message));
    } catch (error: unknown) {
      await firstThatWorks(this.fallbackRoutes(reply), error, this.options.logger);
    }
  }

  /** Moves a still-running answer off the interaction token while the token still works. */
  async moveAway(): Promise<void> {
    if (this.finished || this.moved !== null) return;
    const requester = `<@${this.interaction.user.id}>`;
    const progress = this.lastProgress ?? plain('portbot is still working on this…');
    const carried = { ...progress, content: `Continued for ${requester}: Discord lets portbot update an answer for 15 minutes only.`, allowedMentions: NO_MENTIONS };
    const channel = this.options.ephemeral ? null : await this.sendInChannel(carried);
    const moved = channel ?? (await this.sendToDm(carried));
    this.moved = moved;
    const where =
      moved === null
        ? 'portbot could not post anywhere else (no channel permission and direct messages closed), so its result will not arrive: run the scan again with fewer ports.'
        : moved.where === 'channel'
          ? `its progress and result continue here: ${moved.message.url}`
          : 'its progress and result continue in your direct messages with portbot.';
    try {
      await retryIdempotent(() => this.interaction.editReply(plain(`This scan is taking longer than Discord lets portbot update this reply; ${where}`)));
    } catch (error: unknown) {
      this.options.logger.warn({ err: error }, 'discord: could not say where the answer moved');
    }
  }

  private async deliver(reply: Reply, message: DiscordMessage): Promise<void> {
    const privateAfterPublic = reply.visibility === 'requester' && !this.options.ephemeral;
    const moved = this.moved;
    if (moved !== null) {
      if (privateAfterPublic && moved.where === 'channel') {
        await this.interaction.user.send(message);
        await retryIdempotent(() => moved.message.edit(plain(ANSWERED_PRIVATELY)));
      } else {
        await retryIdempotent(() => moved.message.edit(message));
      }
      return;
    }
    if (privateAfterPublic) {
      // A follow-up sent while the placeholder still "thinks" would resolve it publicly: resolve it
      // with a neutral line first, send the answer ephemerally, then delete the placeholder.
      await retryIdempotent(() => this.interaction.editReply(plain(ANSWERED_PRIVATELY)));
      await this.interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
      await retryIdempotent(() => this.interaction.deleteReply());
    } else {
      await retryIdempotent(() => this.interaction.editReply(message));
    }
  }

  /** Private answers fall back only to private places; public ones may use the channel. */
  private fallbackRoutes(reply: Reply): (() => Promise<unknown>)[] {
    const privately = reply.visibility === 'requester' || this.options.ephemeral;
    const routes: (() => Promise<unknown>)[] = [];
    const moved = this.moved;
    if (moved !== null) {
      if (!privately || moved.where === 'dm') routes.push(() => moved.message.edit(fallbackMessage));
    } else if (Date.now() < this.tokenExpiresAt) {
      // The deferred reply is as private as the deferral was; a private answer to a public one
      // gets its note as an ephemeral follow-up instead.
      const seenByAll = privately && !this.options.ephemeral;
      routes.push(seenByAll ? () => this.interaction.followUp({ ...fallbackMessage, flags: MessageFlags.Ephemeral }) : () => this.interaction.editReply(fallbackMessage));
    }
    if (!privately) routes.push(async () => this.sendInChannel(fallbackMessage, true));
    routes.push(() => this.interaction.user.send(fallbackMessage));
    return routes;
  }

  private async sendInChannel(payload: object, mustSucceed = false): Promise<{ message: Message; where: 'channel' } | null> {
    try {
      const channel = this.interaction.channel ?? (this.interaction.channelId === null ? null : await this.interaction.client.channels.fetch(this.interaction.channelId));
      if (channel === null || !channel.isSendable()) throw new Error('no channel portbot may post in');
      return { message: await channel.send(payload), where: 'channel' };
    } catch (error: unknown) {
      if (mustSucceed) throw error;
      this.options.logger.info({ err: error }, 'discord: cannot post in the channel; trying direct messages');
      return null;
    }
  }

  private async sendToDm(payload: object): Promise<{ message: Message; where: 'dm' } | null> {
    try {
      return { message: await this.interaction.user.send(payload), where: 'dm' };
    } catch (error: unknown) {
      this.options.logger.warn({ err: error }, 'discord: cannot send a direct message either');
      return null;
    }
  }
}
