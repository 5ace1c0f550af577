// When a result is cut to fit Block Kit, the whole of it goes along as a JSON file (files.uploadV2:
// getUploadURLExternal -> upload -> completeUploadExternal). A channel answer gets it in the
// message's thread; a private answer gets it in the requester's direct message with the bot, so
// nothing private is shared with the channel.
import type { Logger } from 'pino';
import type { ReplyAttachment } from '../../src/commands/reply.js';
import { createOnce, type SlackClients } from './web-clients.js';

export type AttachTarget = { readonly channelId: string; readonly threadTs: string | undefined } | { readonly userId: string };

export async function attachFullResult(clients: SlackClients, attachment: ReplyAttachment, target: AttachTarget, logger: Logger): Promise<void> {
  try {
    const channelId = 'userId' in target ? await directMessageChannel(clients, target.userId) : target.channelId;
    const threadTs = 'threadTs' in target ? target.threadTs : undefined;
    const file = { filename: attachment.filename, title: attachment.filename, content: JSON.stringify(attachment.json, null, 2), snippet_type: 'json' };
    await createOnce(() =>
      threadTs === undefined
        ? clients.posting.filesUploadV2({ ...file, channel_id: channelId })
        : clients.posting.filesUploadV2({ ...file, channel_id: channelId, thread_ts: threadTs }),
    );
  } catch (error) {
    logger.error({ err: error }, 'slack: the full result could not be attached');
  }
}

async function directMessageChannel(clients: SlackClients, userId: string): Promise<string> {
  const opened = await clients.updating.conversations.open({ users: userId });
  const id = opened.channel?.id;
  if (id === undefined) throw new Error('conversations.open returned no channel');
  return id;
}
