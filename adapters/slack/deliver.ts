// The Web API calls an answer is made of, with Slack's refusals handled where they are certain:
// a message Slack calls too long (`msg_blocks_too_long`, from about 11,300 characters of block
// text) is rendered again with fewer rows, and a direct message channel is opened on demand.
import type { SlackMessage } from './render.js';
import { blockTextLength } from './render.js';
import { createOnce, type SlackClients } from './web-clients.js';

const SHRINK_ATTEMPTS = 4;

/** The platform error code of a failed Web API call, when Slack gave one. */
export function platformError(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

const textLength = (message: SlackMessage): number => message.blocks.reduce((sum, block) => sum + blockTextLength(block), 0);

/**
 * Sends `render()`'s message; when Slack refuses it as too long (nothing was posted), renders it
 * again within 60% of the refused size and tries once more, a few times at most.
 */
export async function sendShrinking<T>(render: (textBudget?: number) => SlackMessage, send: (message: SlackMessage) => Promise<T>): Promise<{ result: T; message: SlackMessage }> {
  let message = render();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return { result: await send(message), message };
    } catch (error: unknown) {
      if (platformError(error) !== 'msg_blocks_too_long' || attempt >= SHRINK_ATTEMPTS || message.shownRows === 0) throw error;
      message = render(Math.floor(textLength(message) * 0.6));
    }
  }
}

export function messageBody(message: Pick<SlackMessage, 'text' | 'blocks'>): { text: string; blocks: SlackMessage['blocks']; unfurl_links: false; unfurl_media: false } {
  return { text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false };
}

export async function directMessageChannel(clients: SlackClients, userId: string): Promise<string> {
  const opened = await clients.updating.conversations.open({ users: userId });
  const id = opened.channel?.id;
  if (id === undefined) throw new Error('conversations.open returned no channel');
  return id;
}

/** Posts a new message (never repeated after a 5xx: Slack may have stored it); its ts. */
export async function postMessage(clients: SlackClients, channel: string, message: Pick<SlackMessage, 'text' | 'blocks'>, threadTs?: string): Promise<string> {
  const posted = await createOnce(() => clients.posting.chat.postMessage({ channel, ...messageBody(message), ...(threadTs === undefined ? {} : { thread_ts: threadTs }) }));
  if (posted.ts === undefined) throw new Error('chat.postMessage returned no ts');
  return posted.ts;
}
