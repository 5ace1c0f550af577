// What every Discord event handler needs, and the one way a command is run: the bot answers
// through the queue, and if it throws or forgets, the person still gets exactly one final answer.
import type { Logger } from 'pino';
import type { Config } from '../../src/config.js';
import type { Bot } from '../../src/commands/types.js';
import { errorReply } from '../../src/report/problem-reply.js';
import type { AnswerQueue } from './answer-queue.js';
import type { ActionCodec } from './render-actions.js';
import type { TokenLifetime } from './token-lifetime.js';

export interface HandlerContext {
  readonly bot: Bot;
  readonly config: Config;
  readonly logger: Logger;
  readonly codec: ActionCodec;
  readonly lifetime: TokenLifetime;
}

export async function runCommand(context: HandlerContext, queue: AnswerQueue, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error: unknown) {
    context.logger.error({ err: error }, 'discord: the bot failed on a command');
  }
  if (!queue.answered) await queue.final(errorReply('discord-adapter'));
  await queue.done;
}

/** Whether the answer will be private before the bot has said so: the `private` word or the operator's default. */
export function wantsPrivate(text: string, config: Config): boolean {
  return config.PORTBOT_RESULTS === 'private' || /(^|\s)(--)?private(\s|$)/i.test(text);
}
