// "@portbot what is port 22 for?": a message that mentions the bot is a command. Discord sends
// the content of such messages even without the privileged Message Content intent.
import type { Message, User } from 'discord.js';
import { AnswerQueue } from './answer-queue.js';
import { runCommand, wantsPrivate, type HandlerContext } from './context.js';
import { requesterOf } from './requester.js';
import { mentionSink } from './mention-sink.js';

/** The command without the bot's own mention(s); a bare mention asks for help. */
export function stripMention(content: string, botId: string): string {
  const text = content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
  return text === '' ? 'help' : text;
}

export async function handleMessage(message: Message, bot: User, context: HandlerContext): Promise<void> {
  // Bots (portbot included) never command portbot. Only a mention written in the text counts:
  // a reply to one of portbot's messages lists portbot among the mentioned users too ("thanks!"
  // is not a command), and @everyone or a role ping is not a mention of portbot.
  if (message.author.bot || !message.mentions.has(bot, { ignoreRepliedUser: true, ignoreEveryone: true, ignoreRoles: true })) return;
  const botId = bot.id;
  try {
    const text = stripMention(message.content, botId);
    const requester = requesterOf({ userId: message.author.id, userName: message.author.username, guildId: message.guildId, channelId: message.channelId, member: message.member });
    const queue = new AnswerQueue(mentionSink(message, wantsPrivate(text, context.config), context.codec, context.logger), context.logger);
    await runCommand(context, queue, () => context.bot.handleCommand({ text, requester }, queue));
  } catch (error: unknown) {
    context.logger.error({ err: error, message: message.id }, 'discord: handling a mention failed');
  }
}
