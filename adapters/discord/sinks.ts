// Where one command's answers land on Discord. A slash command or button has a deferred
// interaction reply to edit; a mention gets an ordinary reply message, and its private answers go
// by direct message, because only interactions can be ephemeral.
import { MessageFlags } from 'discord.js';
import type { Message, RepliableInteraction } from 'discord.js';
import type { AnswerSink } from './answer-queue.js';
import type { ActionCodec } from './render-actions.js';
import { NO_MENTIONS, renderReply } from './render.js';

/** What the public placeholder says for the moment before it is deleted: nothing of the answer. */
const ANSWERED_PRIVATELY = 'portbot answered privately.';

/**
 * `ephemeral` is how the interaction was deferred. A private answer to a public deferral cannot be
 * made ephemeral by an edit (Discord fixes visibility at the deferral), and a follow-up sent while
 * the placeholder is still "thinking" is taken as resolving it, publicly. So the placeholder is
 * first resolved with a neutral line, then the answer goes as an ephemeral follow-up, and then the
 * placeholder is deleted.
 */
export function interactionSink(interaction: RepliableInteraction, ephemeral: boolean, codec: ActionCodec): AnswerSink {
  return {
    async showProgress(reply) {
      if (reply.visibility === 'requester' && !ephemeral) return;
      await interaction.editReply(renderReply(reply, codec, { progress: true }));
    },
    async showFinal(reply) {
      const message = renderReply(reply, codec);
      if (reply.visibility === 'requester' && !ephemeral) {
        await interaction.editReply({ content: ANSWERED_PRIVATELY, embeds: [], components: [], allowedMentions: NO_MENTIONS });
        await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
        await interaction.deleteReply();
      } else {
        await interaction.editReply(message);
      }
    },
  };
}

const NO_DM_LINE =
  'I could not send you this answer by direct message (your DMs may be closed). Use the /scan or /port command instead: its private answers only you can see.';

/**
 * `privateHint`: the command asked for a private answer, so no progress is shown in the channel.
 */
export function mentionSink(message: Message, privateHint: boolean, codec: ActionCodec): AnswerSink {
  let progressMessage: Message | null = null;
  return {
    async showProgress(reply) {
      if (privateHint || reply.visibility === 'requester') return;
      const payload = renderReply(reply, codec, { progress: true });
      progressMessage =
        progressMessage === null ? await message.reply({ ...payload, failIfNotExists: false }) : await progressMessage.edit(payload);
    },
    async showFinal(reply) {
      const payload = renderReply(reply, codec);
      if (reply.visibility === 'requester') {
        if (progressMessage !== null) await progressMessage.delete();
        await sendPrivately(message, payload);
      } else if (progressMessage !== null) {
        await progressMessage.edit(payload);
      } else {
        await message.reply({ ...payload, failIfNotExists: false });
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
