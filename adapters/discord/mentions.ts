// "@portbot what is port 22 for?": a message that mentions the bot is a command. Discord sends
// the content of such messages even without the privileged Message Content intent.
import type { Message } from 'discord.js';
import { AnswerQueue } from './answer-queue.js';
import { runCommand, wantsPrivate, type HandlerContext } from './context.js';
import { requesterOf } from './requester.js';
import { mentionSink } from './sinks.js';

/** The command without the bot's own mention(s); a bare mention asks for help. */
export function stripMention(content: string, botId: string): string {
  const text = content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
  return text === '' ? 'help' : text;
}

export async function handleMessage(message: Message, botId: string, context: HandlerContext): Promise<void> {
  // Bots (portbot included) never command portbot; @everyone and role pings are not a mention of it.
  if (message.author.bot || !message.mentions.users.has(botId)) return;
  try {
    const text = stripMention(message.content, botId);
    const requester = requesterOf({ userId: message.author.id, guildId: message.guildId, channelId: message.channelId, member: message.member });
    const queue = new AnswerQueue(mentionSink(message, wantsPrivate(text, context.config), context.codec), context.logger);
    await runCommand(context, queue, () => context.bot.handleCommand({ text, requester }, queue));
  } catch (error: unknown) {
    context.logger.error({ err: error, message: message.id }, 'discord: handling a mention failed');
  }
}
