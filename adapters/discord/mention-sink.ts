// Where the answers to a mention land: an ordinary reply message, edited in place for progress
// (the bot's own message, so no token runs out). Private answers go by direct message, because
// only interactions can be ephemeral. A final answer Discord will not take is replaced by a short
// plain line through any route that still works.
import type { Message } from 'discord.js';
import type { Logger } from 'pino';
import type { AnswerSink } from './answer-queue.js';
import { fallbackMessage, firstThatWorks } from './fallback.js';
import { sendRefusingFiles } from './files-refused.js';
import type { ActionCodec } from './render-actions.js';
import { NO_MENTIONS, renderReply } from './render.js';
import { retryIdempotent } from './rest-retry.js';

const NO_DM_LINE =
  'I could not send you this answer by direct message (your DMs may be closed). Use the /scan or /port command instead: its private answers only you can see.';

/** `privateHint`: the command asked for a private answer, so no progress is shown in the channel. */
export function mentionSink(message: Message, privateHint: boolean, codec: ActionCodec, logger: Logger): AnswerSink {
  let progressMessage: Message | null = null;
  const deliver = async (payload: ReturnType<typeof renderReply>, privately: boolean): Promise<void> => {
    const shown = progressMessage;
    if (privately) {
      if (shown !== null) await retryIdempotent(() => shown.delete());
      await sendPrivately(message, payload);
    } else if (shown !== null) {
      await retryIdempotent(() => shown.edit(payload));
    } else {
      await message.reply({ ...payload, failIfNotExists: false });
    }
  };
  return {
    async showProgress(reply) {
      if (privateHint || reply.visibility === 'requester') return;
      const payload = renderReply(reply, codec, { progress: true });
      const shown = progressMessage;
      progressMessage = shown === null ? await message.reply({ ...payload, failIfNotExists: false }) : ((await retryIdempotent(() => shown.edit(payload))) ?? shown);
    },
    async showFinal(reply) {
      const privately = reply.visibility === 'requester';
      try {
        await sendRefusingFiles((options) => renderReply(reply, codec, options), (payload) => deliver(payload, privately));
      } catch (error: unknown) {
        const shown = progressMessage;
        const routes = [
          ...(shown !== null && !privately ? [() => shown.edit(fallbackMessage)] : []),
          ...(privately ? [] : [() => message.reply({ ...fallbackMessage, failIfNotExists: false })]),
          () => message.author.send(fallbackMessage),
        ];
        await firstThatWorks(routes, error, logger);
      }
    },
  };
}

async function sendPrivately(message: Message, payload: ReturnType<typeof renderReply>): Promise<void> {
  try {
    await message.author.send(payload);
  } catch {
    // Never fall back to posting the private answer in the channel: say where to get it instead.
    await message.reply({ content: NO_DM_LINE, allowedMentions: NO_MENTIONS, failIfNotExists: false });
  }
}
