// Discord's "post to a place" (ChatAdapter.post): a message in the place's channel, or a direct
// message when there is no channel, the reply is private, or the bot may not post there (no
// access, no permission, the channel is gone). A new message is never sent twice.
import type { Client } from 'discord.js';
import type { Logger } from 'pino';
import type { ChatPlace, PostOutcome } from '../../src/commands/types.js';
import { postToChannelOrUser } from '../../src/report/place.js';
import type { Reply } from '../../src/report/reply.js';
import type { ActionCodec } from './render-actions.js';
import { renderReply } from './render.js';

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function postToPlace(client: Client, codec: ActionCodec, place: ChatPlace, reply: Reply, logger: Logger): Promise<PostOutcome> {
  const message = renderReply(reply, codec);
  return postToChannelOrUser(place, reply, {
    // Discord refuses before anything is posted (no access, no permission, gone): a DM may follow.
    async channel(channelId) {
      try {
        const channel = await client.channels.fetch(channelId);
        if (channel === null || !channel.isSendable()) return { refused: `portbot cannot post in channel ${channelId}` };
        await channel.send(message);
        return {};
      } catch (error) {
        logger.info({ err: error }, 'discord: cannot post in the channel; trying direct messages');
        return { refused: `cannot post in channel ${channelId}: ${describe(error)}` };
      }
    },
    async user(userId) {
      const user = await client.users.fetch(userId);
      await user.send(message);
    },
    describe,
    userFailed: (error) => logger.warn({ err: error }, 'discord: could not send a direct message'),
  });
}
