// Reads what a Slack user would see out of the stand-in's recorded calls: each message-producing
// call flattened to plain text (Block Kit text, entities decoded), public or private, and whether
// it was a progress update (the :hourglass_flowing_sand: mark the renderer gives progress).
import type { RecordedCall } from './stand-in-api.js';

export interface SeenMessage {
  readonly via: string;
  readonly text: string;
  readonly private: boolean;
  readonly progress: boolean;
  readonly blocks: readonly Record<string, unknown>[];
}

const messageMethods = new Set(['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'response']);

export function seenMessages(calls: readonly RecordedCall[]): SeenMessage[] {
  return calls
    .filter((call) => call.ok && messageMethods.has(call.method))
    .map((call) => {
      const blocks = Array.isArray(call.args['blocks']) ? (call.args['blocks'] as Record<string, unknown>[]) : [];
      const isPrivate = call.method === 'chat.postEphemeral' || (call.method === 'response' && call.args['response_type'] !== 'in_channel');
      const text = blocks.length > 0 ? blocks.map(blockText).filter((part) => part !== '').join('\n') : typeof call.args['text'] === 'string' ? call.args['text'] : '';
      return { via: call.method, text: decode(text), private: isPrivate, progress: text.includes(':hourglass_flowing_sand:'), blocks };
    });
}

/** Final answers: everything but progress updates and the "scan has ended" close of a progress message. */
export const finalMessages = (calls: readonly RecordedCall[]): SeenMessage[] => seenMessages(calls).filter((message) => !message.progress);

export function blockText(block: Record<string, unknown>): string {
  const own = block['text'];
  const text = typeof own === 'string' ? own : (own as { text?: unknown } | undefined)?.text;
  const elements = Array.isArray(block['elements']) ? (block['elements'] as Record<string, unknown>[]) : [];
  const parts = [typeof text === 'string' ? text : '', ...elements.map((element) => blockText(element))];
  return parts.filter((part) => part !== '').join(' ');
}

export const decode = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
