// The shared adapter contract through real discord.js: "/scan" and "/port" arrive as slash
// command interactions, everything else as a message mentioning the bot, and the answers are
// read back from what discord.js sent to the REST stand-in.
import type { Bot } from '../../../src/commands/types.js';
import { TONE_COLOUR } from '../../../adapters/discord/render.js';
import type { ContractAnswer, ContractDriver, ContractUser } from '../contract.js';
import { callsFor, isCallback, isFollowUp, startDiscord, succeeded, visibleAnswers, visibleText, type Running } from './harness.js';
import { booleanOption, guildMessage, slashCommand, stringOption, type Option } from './payloads.js';
import type { RecordedCall } from './stand-in-rest.js';

/** The contract's user, with snowflake ids as Discord has them. */
export const DISCORD_CONTRACT_USER: ContractUser = { userId: '4100000000000000001', channelId: '4100000000000000002' };

/** What a person reads: markdown escapes, zero-width spaces and code fences are not seen as such. */
export function plainText(text: string): string {
  return text
    .replace(/```\n?/g, '')
    .replace(/\\([^\w\s])/g, '$1')
    .replace(/\u200b/g, '');
}

const isProgress = (call: RecordedCall): boolean => call.body.embeds?.[0]?.color === TONE_COLOUR.progress;

/** "/scan 127.0.0.1 22,80 private" -> the options Discord would send for it. */
function slashOptions(verb: string, words: readonly string[]): Option[] {
  if (verb === 'port') return [stringOption('query', words.join(' '))];
  const [target = '', ...rest] = words;
  const isPrivate = rest.some((word) => /^(--)?private$/i.test(word));
  const ports = rest.filter((word) => !/^(--)?private$/i.test(word)).join(',');
  return [stringOption('target', target), ...(ports === '' ? [] : [stringOption('ports', ports)]), ...(isPrivate ? [booleanOption('private', true)] : [])];
}

export class DiscordContractDriver implements ContractDriver {
  readonly name = 'discord';
  private running: Running | null = null;
  private sent = 0;

  async start(bot: Bot): Promise<void> {
    this.running = await startDiscord(bot, {}, { channelId: DISCORD_CONTRACT_USER.channelId });
  }

  async send(text: string, user: ContractUser): Promise<readonly ContractAnswer[]> {
    const running = this.running;
    if (running === null) throw new Error('discord contract driver: send() before start()');
    const { standIn } = running;
    const before = standIn.calls.length;
    const slash = /^\/(scan|port)(?:\s+(.*))?$/i.exec(text.trim());
    this.sent += 1;
    const finished = running.bot.until(this.sent);
    if (slash !== null) {
      const [, verb = '', rest = ''] = slash;
      const words = rest.split(/\s+/).filter((word) => word !== '');
      const interaction = slashCommand(standIn.ids, user, verb.toLowerCase(), slashOptions(verb.toLowerCase(), words));
      standIn.gateway.dispatch('INTERACTION_CREATE', interaction);
      await finished;
      return this.interactionAnswers(callsFor(standIn.calls, interaction.token));
    }
    const message = guildMessage(standIn.ids, user, `<@${standIn.ids.botUser.id}> ${text}`, true);
    standIn.gateway.dispatch('MESSAGE_CREATE', message);
    await finished;
    return this.mentionAnswers(standIn.calls.slice(before), user.userId);
  }

  async stop(): Promise<void> {
    await this.running?.stop();
    this.running = null;
  }

  private interactionAnswers(calls: readonly RecordedCall[]): ContractAnswer[] {
    const deferredPrivately = ((calls.find(isCallback)?.body.data?.flags ?? 0) & 64) === 64;
    return visibleAnswers(calls)
      .filter((call) => !isProgress(call))
      .map((call) => ({
        text: plainText(visibleText(call.body)),
        private: isFollowUp(call) ? ((call.body.flags ?? 0) & 64) === 64 : deferredPrivately,
      }));
  }

  private mentionAnswers(calls: readonly RecordedCall[], userId: string): ContractAnswer[] {
    const dmChannel = this.running!.standIn.ids.dmChannelFor(userId);
    const posts = calls.filter((call) => succeeded(call) && /^\/channels\/\d+\/messages(\/\d+)?$/.test(call.path) && call.method !== 'DELETE' && !isProgress(call));
    return posts.map((call) => ({ text: plainText(visibleText(call.body)), private: call.path.startsWith(`/channels/${dmChannel}/`) }));
  }
}
