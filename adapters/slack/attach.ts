// When a result is cut to fit Block Kit, the whole of it goes along as a JSON file (files.uploadV2:
// getUploadURLExternal -> upload -> completeUploadExternal): in the thread of a channel answer
// portbot posted itself, or else in the requester's direct message with the bot (private answers,
// and answers that went through a response_url, where there is no message of portbot's to thread).
import type { Logger } from 'pino';
import type { ReplyAttachment } from '../../src/report/reply.js';
import { directMessageChannel } from './deliver.js';
import { createOnce, type SlackClients } from './web-clients.js';

export type AttachTarget = { readonly channelId: string; readonly threadTs: string | undefined } | { readonly userId: string };

/** True when the file was shared; a failure is logged, and the answer says where else to get it. */
export async function attachFullResult(clients: SlackClients, attachment: ReplyAttachment, target: AttachTarget, logger: Logger): Promise<boolean> {
  try {
    const channelId = 'userId' in target ? await directMessageChannel(clients, target.userId) : target.channelId;
    const threadTs = 'threadTs' in target ? target.threadTs : undefined;
    const file = { filename: attachment.filename, title: attachment.filename, content: JSON.stringify(attachment.json, null, 2), snippet_type: 'json' };
    await createOnce(() =>
      threadTs === undefined
        ? clients.posting.filesUploadV2({ ...file, channel_id: channelId })
        : clients.posting.filesUploadV2({ ...file, channel_id: channelId, thread_ts: threadTs }),
    );
    return true;
  } catch (error) {
    logger.error({ err: error }, 'slack: the full result could not be attached');
    return false;
  }
}
