// Starts the stand-in Discord and the real Discord adapter (real discord.js) wired to a bot, and
// reads answers back out of the recorded REST calls.
import { after } from 'node:test';
import { pino } from 'pino';
import { loadConfig, type Config } from '../../../src/config.js';
import type { Bot } from '../../../src/commands/types.js';
import type { ChatAdapter } from '../../../src/commands/types.js';
import { createDiscordAdapter } from '../../../adapters/discord/index.js';
import type { TokenLifetime } from '../../../adapters/discord/token-lifetime.js';
import { DiscordStandIn, type StandInOptions } from './stand-in.js';
import type { RecordedCall, SentBody } from './stand-in-rest.js';
import { SettlingBot } from '../settling-bot.js';

export const testLogger = () => pino({ level: process.env['PORTBOT_TEST_LOG'] ?? 'silent' });


export interface Running {
  readonly standIn: DiscordStandIn;
  readonly adapter: ChatAdapter;
  readonly bot: SettlingBot;
  readonly config: Config;
  stop(): Promise<void>;
}

// A failed or timed-out test never reaches its own stop(); a connected client would then keep
// the test process alive forever. Whatever is still running when the file ends is stopped here.
const stillRunning = new Set<Running>();
after(async () => {
  for (const running of stillRunning) await running.stop();
});

/**
 * `options.tokenLifetime`: interaction tokens expire this fast in the stand-in, and the adapter
 * is told the same lifetime (moving its answers `moveBeforeMs` before the end).
 */
export async function startDiscord(bot: Bot, env: Record<string, string> = {}, options: StandInOptions & { readonly tokenLifetime?: TokenLifetime } = {}): Promise<Running> {
  const standIn = await DiscordStandIn.start({ ...options, ...(options.tokenLifetime === undefined ? {} : { tokenLifetimeMs: options.tokenLifetime.lifetimeMs }) });
  const config = loadConfig({ DISCORD_TOKEN: 'stand-in-token', DISCORD_API_URL: standIn.apiUrl, DISCORD_APPLICATION_ID: standIn.ids.applicationId, ...env });
  const adapter = createDiscordAdapter(config, testLogger(), options.tokenLifetime === undefined ? {} : { tokenLifetime: options.tokenLifetime });
  const counter = new SettlingBot(bot);
  try {
    await adapter.start(counter);
  } catch (error) {
    await standIn.close();
    throw error;
  }
  const running: Running = {
    standIn,
    adapter,
    bot: counter,
    config,
    async stop() {
      if (!stillRunning.delete(running)) return;
      await adapter.stop();
      await standIn.close();
    },
  };
  stillRunning.add(running);
  return running;
}

/** Every REST call made for one interaction (its token is in the path). */
export function callsFor(calls: readonly RecordedCall[], token: string): RecordedCall[] {
  return calls.filter((call) => call.path.includes(`/${token}/`) || call.path.endsWith(`/${token}`));
}

/** The one embed of a message body (portbot sends exactly one). */
export function embedOf(body: SentBody) {
  const embed = body.embeds?.[0];
  if (embed === undefined) throw new Error('the message has no embed');
  return embed;
}

export const buttonLabels = (body: SentBody): string[] => (body.components ?? []).flatMap((row) => row.components.map((button) => button.label));

export const isCallback = (call: RecordedCall): boolean => call.method === 'POST' && call.path.endsWith('/callback');
export const isOriginalEdit = (call: RecordedCall): boolean => call.method === 'PATCH' && call.path.endsWith('/messages/@original');
export const isFollowUp = (call: RecordedCall): boolean => call.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(call.path);
export const succeeded = (call: RecordedCall): boolean => call.status < 300;
export const isOriginalDelete = (call: RecordedCall): boolean => call.method === 'DELETE' && call.path.endsWith('/messages/@original');

/**
 * The answer messages of one interaction that a person can still see: follow-ups, and edits of the
 * original response unless that response was deleted in the end.
 */
export function visibleAnswers(calls: readonly RecordedCall[]): RecordedCall[] {
  const originalDeleted = calls.some((call) => isOriginalDelete(call) && succeeded(call));
  return calls.filter((call) => succeeded(call) && (isFollowUp(call) || (isOriginalEdit(call) && !originalDeleted)));
}

/** Everything a person reads in a message body: embed title, description, fields, footer, content. */
export function visibleText(body: SentBody): string {
  const parts: string[] = [];
  if (typeof body.content === 'string') parts.push(body.content);
  for (const embed of body.embeds ?? []) {
    parts.push(embed.title ?? '', embed.description ?? '');
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
    if (embed.footer !== undefined) parts.push(embed.footer.text);
  }
  return parts.filter((part) => part !== '').join('\n');
}
