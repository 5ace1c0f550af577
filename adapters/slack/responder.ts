// One command's answer in Slack. Progress and a channel-wide answer share one message: the first
// is posted, everything after replaces it (chat.update), so a long scan is one message that
// changes. Private answers go through the response_url (it reaches channels the bot has not
// joined), else chat.postEphemeral, else a DM; ephemerals cannot be updated, so private progress
// is shown once. The response_url lasts 30 minutes: a scan that still needs it shortly before
// then moves to the requester's DMs and says so. A final answer Slack refuses is replaced by a
// short plain note through whatever route still works.
import type { Logger } from 'pino';
import type { Reply } from '../../src/report/reply.js';
import type { Responder } from '../../src/commands/types.js';
import { withFileLine, type FileFate } from '../../src/report/file-line.js';
import { attachFullResult, attachRequestedFile, type AttachTarget } from './attach.js';
import { directMessageChannel, messageBody, platformError, postMessage, sendShrinking } from './deliver.js';
import { renderReply, type FullResultRoute, type RenderOptions, type SlackMessage } from './render.js';
import type { ResponseUrl } from './response-url.js';
import { createOnce, type SlackClients } from './web-clients.js';

export interface Conversation {
  readonly channelId: string;
  readonly userId: string;
  /** Mentions in a thread are answered in that thread. */
  readonly threadTs?: string;
  /** Slash commands and button presses. */
  readonly responseUrl?: ResponseUrl;
}

/** Slack's definite "you may not post here": nothing was posted, another route may be tried. */
const noAccess = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);
const ENDED_PRIVATELY = 'This scan has ended; the answer went only to the person who asked.';
export const FALLBACK_NOTE =
  ':warning: portbot finished, but Slack did not accept its answer. Run the command again; if this keeps happening, the operator can find the details in portbot’s log.';

type Render = (textBudget?: number) => SlackMessage;
interface Placed {
  readonly channel: string;
  readonly ts: string;
  readonly inDm: boolean;
}

export class SlackResponder implements Responder {
  /** The message progress and a channel-wide answer live in: the channel's, or (after moving) a DM. */
  private placed: Placed | undefined;
  private channelClosed = false;
  private privateProgressShown = false;
  private lastProgress: Reply | undefined;
  /** The response_url is retired (about to expire): what needed it goes by DM. */
  private moved = false;
  private finished = false;
  private chain: Promise<void> = Promise.resolve();
  private readonly moveTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly clients: SlackClients,
    private readonly conversation: Conversation,
    private readonly logger: Logger,
  ) {
    const url = conversation.responseUrl;
    if (url !== undefined) this.moveTimer = setTimeout(() => void this.inOrder(() => this.moveAway(), 'move'), url.moveInMs).unref();
  }

  get answered(): boolean {
    return this.finished;
  }

  progress(reply: Reply): Promise<void> {
    if (this.finished) return Promise.resolve();
    return this.inOrder(() => this.showProgress(reply), 'progress');
  }

  final(reply: Reply): Promise<void> {
    if (this.finished) {
      this.logger.error({ title: reply.title }, 'slack: a second final answer for one command was dropped');
      return Promise.resolve();
    }
    this.finished = true;
    clearTimeout(this.moveTimer);
    return this.inOrder(async () => {
      try {
        await (reply.visibility === 'channel' ? this.finalInChannel(reply) : this.finalForRequester(reply));
      } catch (error: unknown) {
        await this.fallback(error);
      }
    }, 'final');
  }

  private inOrder(step: () => Promise<void>, what: string): Promise<void> {
    this.chain = this.chain.then(step).catch((error: unknown) => this.logger.warn({ err: error }, `slack: the ${what} step failed`));
    return this.chain;
  }

  private renderer(reply: Reply, options: RenderOptions = {}): Render {
    const requestedBy = this.placed?.inDm === true || this.moved ? {} : { requestedBy: this.conversation.userId };
    return (textBudget) => renderReply(reply, { ...options, ...(reply.visibility === 'channel' ? requestedBy : {}), ...(textBudget === undefined ? {} : { textBudget }) });
  }

  private async showProgress(reply: Reply): Promise<void> {
    this.lastProgress = reply;
    if (reply.visibility === 'channel' || this.moved) {
      await this.place(this.renderer(reply));
    } else if (!this.privateProgressShown) {
      // An ephemeral message cannot be updated: private progress is shown once, Cancel included.
      this.privateProgressShown = true;
      await this.sayPrivately(this.renderer(reply), 'progress');
    }
  }

  private async finalInChannel(reply: Reply): Promise<void> {
    const placed = await this.place(this.renderer(withFileLine(reply, IN_THREAD), { fullResult: 'thread' }));
    const where = this.placed;
    if (placed !== undefined && where !== undefined) {
      const thread = { channelId: where.channel, threadTs: where.ts };
      const attached = !placed.cut || reply.attachment === undefined || (await attachFullResult(this.clients, reply.attachment, thread, this.logger));
      const file = await this.attachRequested(reply, thread, IN_THREAD);
      // The message promised files in its thread: say where to get what did not arrive instead.
      if (!attached || file.kind !== 'attached') await this.place(this.renderer(withFileLine(reply, file), { fullResult: attached ? 'thread' : 'nowhere' }));
      return;
    }
    // The bot may not post in this channel: the response_url still reaches it, while it lasts.
    const withFile = withFileLine(reply, await this.attachRequested(reply, { userId: this.conversation.userId }, IN_DM));
    const render = this.renderer(withFile, { fullResult: await this.attachToDm(reply) });
    const url = this.conversation.responseUrl;
    if (url !== undefined && url.usable()) await url.send({ response_type: 'in_channel', ...messageBody(render()) });
    else await this.toDm(render);
  }

  private async finalForRequester(reply: Reply): Promise<void> {
    const withFile = withFileLine(reply, await this.attachRequested(reply, { userId: this.conversation.userId }, IN_DM));
    await this.sayPrivately(this.renderer(withFile, { fullResult: await this.attachToDm(reply) }), 'final');
    const shown = this.placed;
    if (shown !== undefined && !shown.inDm) {
      // A public progress message exists: close it without showing what only the requester may see.
      await this.clients.updating.chat.update({ channel: shown.channel, ts: shown.ts, text: ENDED_PRIVATELY, blocks: [] });
    }
  }

  /** Uploads the XML or CSV file the scan asked for (if it did) and says what became of it. */
  private async attachRequested(reply: Reply, target: AttachTarget, attached: FileFate): Promise<FileFate> {
    if (reply.file === undefined) return attached;
    const outcome = await attachRequestedFile(this.clients, reply.file, target, this.logger);
    return outcome.ok ? attached : { kind: 'refused', why: uploadRefusal(outcome.error) };
  }

  /** Where the whole result of a cut answer goes when there is no thread of portbot's to put it in. */
  private async attachToDm(reply: Reply): Promise<FullResultRoute> {
    if (reply.attachment === undefined || !renderReply(reply).cut) return 'direct-message';
    return (await attachFullResult(this.clients, reply.attachment, { userId: this.conversation.userId }, this.logger)) ? 'direct-message' : 'nowhere';
  }

  /**
   * Posts or replaces the message that holds progress and the channel-wide answer; undefined (and
   * nothing posted) when the bot may not post in the channel.
   */
  private async place(render: Render): Promise<SlackMessage | undefined> {
    const placed = this.placed;
    if (placed !== undefined) {
      return (await sendShrinking(render, (message) => this.clients.updating.chat.update({ channel: placed.channel, ts: placed.ts, ...messageBody(message) }))).message;
    }
    if (this.moved) return this.toDm(render);
    if (this.channelClosed) return undefined;
    const { channelId, threadTs } = this.conversation;
    try {
      const sent = await sendShrinking(render, (message) => postMessage(this.clients, channelId, message, threadTs));
      this.placed = { channel: channelId, ts: sent.result, inDm: false };
      return sent.message;
    } catch (error: unknown) {
      if (!noAccess.has(platformError(error) ?? '')) throw error;
      this.channelClosed = true;
      return undefined;
    }
  }

  private async toDm(render: Render): Promise<SlackMessage> {
    const placed = this.placed;
    if (placed?.inDm === true) return (await sendShrinking(render, (message) => this.clients.updating.chat.update({ channel: placed.channel, ts: placed.ts, ...messageBody(message) }))).message;
    const dm = await directMessageChannel(this.clients, this.conversation.userId);
    const sent = await sendShrinking(render, (message) => postMessage(this.clients, dm, message));
    this.placed = { channel: dm, ts: sent.result, inDm: true };
    return sent.message;
  }

  /** Only the requester sees it: the response_url, an ephemeral, or a DM; the next only when the last surely failed. */
  private async sayPrivately(render: Render, purpose: 'progress' | 'final'): Promise<void> {
    const url = this.conversation.responseUrl;
    const { channelId, userId, threadTs } = this.conversation;
    const viaUrl = async (): Promise<void> => {
      // Progress leaves a use for the final answer and one for a note before the URL expires.
      if (url === undefined || this.moved || !url.usable(purpose === 'progress' ? 3 : 1)) throw new NoRoute();
      await url.send({ response_type: 'ephemeral', ...messageBody(render()) });
    };
    const viaEphemeral = async (): Promise<void> => {
      await sendShrinking(render, (message) =>
        createOnce(() => this.clients.posting.chat.postEphemeral({ channel: channelId, user: userId, ...messageBody(message), ...(threadTs === undefined ? {} : { thread_ts: threadTs }) })),
      );
    };
    const viaDm = async (): Promise<void> => void (await this.toDm(render));
    const routes = this.moved ? [viaDm] : purpose === 'progress' ? [viaEphemeral, viaUrl] : [viaUrl, viaEphemeral, viaDm];
    for (const [index, route] of routes.entries()) {
      try {
        return await route();
      } catch (error: unknown) {
        if (index === routes.length - 1 || !nothingWasPosted(error)) throw error;
      }
    }
  }

  /** Shortly before the response_url expires, answers that still depend on it move to a DM. */
  private async moveAway(): Promise<void> {
    // A message portbot posted in the channel lasts; nothing then depends on the response_url.
    if (this.finished || this.moved || this.placed !== undefined) return;
    this.moved = true;
    const progress = this.lastProgress;
    let where = 'portbot could not open a direct message with you, so the result may not arrive: run the command again with fewer ports.';
    try {
      await this.toDm(progress === undefined ? () => ({ text: 'portbot is still working on your command…', blocks: [], cut: false, shownRows: 0, totalRows: 0 }) : this.renderer(progress));
      where = 'its progress and result continue in your direct messages with portbot.';
    } catch (error: unknown) {
      this.logger.warn({ err: error }, 'slack: could not open a direct message to move a long answer to');
    }
    const url = this.conversation.responseUrl;
    if (url?.usable() === true) {
      await url.send({ response_type: 'ephemeral', text: `:hourglass_flowing_sand: This is taking longer than Slack keeps this command’s reply link (30 minutes): ${where}` });
    }
  }

  private async fallback(original: unknown): Promise<void> {
    this.logger.error({ err: original, channel: this.conversation.channelId }, 'slack: the final answer could not be delivered; sending a short note instead');
    const note = { text: FALLBACK_NOTE, blocks: [] };
    const { channelId, userId } = this.conversation;
    const placed = this.placed;
    const url = this.conversation.responseUrl;
    const routes: (() => Promise<unknown>)[] = [
      // Replacing the progress message also takes its Cancel button away.
      ...(placed === undefined ? [] : [() => this.clients.updating.chat.update({ channel: placed.channel, ts: placed.ts, ...note })]),
      ...(url !== undefined && !this.moved ? [() => url.send({ response_type: 'ephemeral', ...note })] : []),
      () => createOnce(() => this.clients.posting.chat.postEphemeral({ channel: channelId, user: userId, ...note })),
      async () => postMessage(this.clients, await directMessageChannel(this.clients, userId), note),
    ];
    for (const route of routes) {
      try {
        await route();
        return;
      } catch (error: unknown) {
        this.logger.warn({ err: error }, 'slack: a fallback route failed too');
      }
    }
  }
}

const IN_THREAD: FileFate = { kind: 'attached', where: 'in this message’s thread' };
const IN_DM: FileFate = { kind: 'attached', where: 'in your direct messages with portbot' };

/** Slack's refusal of an upload in words a channel can act on. */
function uploadRefusal(error: string | undefined): string {
  if (error === 'missing_scope') return 'the Slack app lacks the files:write scope (the operator can add it and reinstall the app)';
  if (error === 'file_uploads_disabled' || error === 'file_uploads_except_images_disabled') return 'this workspace does not allow file uploads';
  if (error === 'file_upload_size_restricted') return 'this workspace restricts uploads of large files';
  return error === undefined ? 'Slack did not accept the upload' : `Slack refused the upload (${error})`;
}

class NoRoute extends Error {
  constructor() {
    super('no response_url to use');
  }
}

/** A refusal Slack stated (or a route not tried at all): trying another route cannot post twice. */
function nothingWasPosted(error: unknown): boolean {
  if (error instanceof NoRoute || platformError(error) !== undefined) return true;
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}
