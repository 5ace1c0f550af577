// Files in Slack go through files.uploadV2 (getUploadURLExternal -> upload ->
// completeUploadExternal): the whole result of an answer cut to fit Block Kit, as JSON, and the
// XML or CSV file a scan asked for. They go in the thread of a channel answer portbot posted
// itself, or else in the requester's direct message with the bot (private answers, and answers
// that went through a response_url, where there is no message of portbot's to thread).
import type { Logger } from 'pino';
import type { ReplyAttachment, ReplyFile } from '../../src/report/reply.js';
import { directMessageChannel, platformError } from './deliver.js';
import { createOnce, type SlackClients } from './web-clients.js';

export type AttachTarget = { readonly channelId: string; readonly threadTs: string | undefined } | { readonly userId: string };

/** Slack refuses a snippet (a file given a snippet_type) over 1 MB: larger files go as plain files. */
const SNIPPET_LIMIT = 1024 * 1024;

interface SlackFile {
  readonly filename: string;
  readonly content: string;
  /** Shown as a snippet with this syntax; none: a plain file to download (the XML and CSV files). */
  readonly snippetType?: string;
}

/** Shared, or refused with Slack's error code ("missing_scope") when Slack gave one. */
export type UploadOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string | undefined };

async function upload(clients: SlackClients, file: SlackFile, target: AttachTarget, logger: Logger): Promise<UploadOutcome> {
  try {
    const channelId = 'userId' in target ? await directMessageChannel(clients, target.userId) : target.channelId;
    const threadTs = 'threadTs' in target ? target.threadTs : undefined;
    const snippet = file.snippetType !== undefined && Buffer.byteLength(file.content) <= SNIPPET_LIMIT ? { snippet_type: file.snippetType } : {};
    const args = { filename: file.filename, title: file.filename, content: file.content, ...snippet };
    await createOnce(() =>
      threadTs === undefined
        ? clients.posting.filesUploadV2({ ...args, channel_id: channelId })
        : clients.posting.filesUploadV2({ ...args, channel_id: channelId, thread_ts: threadTs }),
    );
    return { ok: true };
  } catch (error) {
    logger.error({ err: error, filename: file.filename }, 'slack: a file could not be attached');
    return { ok: false, error: platformError(error) };
  }
}

/** True when the file was shared; a failure is logged, and the answer says where else to get it. */
export async function attachFullResult(clients: SlackClients, attachment: ReplyAttachment, target: AttachTarget, logger: Logger): Promise<boolean> {
  const content = JSON.stringify(attachment.json, null, 2);
  return (await upload(clients, { filename: attachment.filename, content, snippetType: 'json' }, target, logger)).ok;
}

/** The XML or CSV file a scan asked for. */
export function attachRequestedFile(clients: SlackClients, file: ReplyFile, target: AttachTarget, logger: Logger): Promise<UploadOutcome> {
  return upload(clients, { filename: file.filename, content: file.content }, target, logger);
}
