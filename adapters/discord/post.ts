// Discord's "post to a place" (ChatAdapter.post): a message in the place's channel, or a direct
// message when there is no channel, the reply is private, or the bot may not post there (no
// access, no permission, the channel is gone). A new message is never sent twice.
import type { Client } from 'discord.js';
import type { Logger } from 'pino';
import type { ChatPlace, PostOutcome } from '../../src/commands/types.js';
import type { Reply } from '../../src/report/reply.js';
import type { ActionCodec } from './render-actions.js';
import { renderReply } from './render.js';

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function postToPlace(client: Client, codec: ActionCodec, place: ChatPlace, reply: Reply, logger: Logger): Promise<PostOutcome> {
  const message = renderReply(reply, codec);
  const toDm = async (why: string | undefined): Promise<PostOutcome> => {
    if (place.userId === undefined) return { delivered: false, reason: why ?? 'no channel and no user to post to' };
    try {
      const user = await client.users.fetch(place.userId);
      await user.send(message);
      return { delivered: true, where: 'direct-message' };
    } catch (error) {
      logger.warn({ err: error }, 'discord: could not send a direct message');
      return { delivered: false, reason: `${why === undefined ? '' : `${why}; `}direct message failed: ${describe(error)}` };
    }
  };
  if (reply.visibility === 'requester' || place.channelId === undefined) return toDm(undefined);
  try {
    const channel = await client.channels.fetch(place.channelId);
    if (channel === null || !channel.isSendable()) return toDm(`portbot cannot post in channel ${place.channelId}`);
    await channel.send(message);
    return { delivered: true, where: 'channel' };
  } catch (error) {
    logger.info({ err: error }, 'discord: cannot post in the channel; trying direct messages');
    return toDm(`cannot post in channel ${place.channelId}: ${describe(error)}`);
  }
}
