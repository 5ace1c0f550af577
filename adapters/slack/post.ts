// Slack's "post to a place" (ChatAdapter.post): a message in the place's channel, or in the
// user's DM when there is no channel, the reply is private, or the bot may not post in the channel
// (not invited, archived). Nothing is repeated after a 5xx: Slack may already have posted it.
import type { Logger } from 'pino';
import type { ChatPlace, PostOutcome } from '../../src/commands/types.js';
import { postToChannelOrUser } from '../../src/report/place.js';
import type { Reply } from '../../src/report/reply.js';
import { directMessageChannel, platformError, postMessage, sendShrinking } from './deliver.js';
import { renderReply } from './render.js';
import type { SlackClients } from './web-clients.js';

/** Slack's definite "you may not post here": nothing was posted, a DM may be tried. */
const NO_ACCESS = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

const describe = (error: unknown): string => platformError(error) ?? (error instanceof Error ? error.message : String(error));

export function postToPlace(clients: SlackClients, place: ChatPlace, reply: Reply, logger: Logger): Promise<PostOutcome> {
  const render = (textBudget?: number) => renderReply(reply, { fullResult: 'nowhere', ...(textBudget === undefined ? {} : { textBudget }) });
  return postToChannelOrUser(place, reply, {
    async channel(channelId) {
      try {
        await sendShrinking(render, (message) => postMessage(clients, channelId, message));
        return {};
      } catch (error) {
        const code = platformError(error) ?? '';
        if (!NO_ACCESS.has(code)) throw error;
        return { refused: `cannot post in ${channelId} (${code}: invite the bot with /invite @portbot)` };
      }
    },
    async user(userId) {
      const dm = await directMessageChannel(clients, userId);
      await sendShrinking(render, (message) => postMessage(clients, dm, message));
    },
    describe,
    userFailed: (error) => logger.warn({ err: error }, 'slack: could not post a direct message'),
  });
}
