// PORTBOT_ALLOWED_GUILDS through real discord.js and the real bot: anyone can add a bot to their
// own server, so /scan answers only in listed guilds (and DISCORD_GUILD_ID); elsewhere it is
// refused with a line naming the setting, while /port still answers.
import { testService } from '../../scan/test-service.js';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createBot } from '../../../src/commands/bot.js';
import type { Bot } from '../../../src/commands/types.js';
import { memoryAudit } from '../../commands/fake-chat.js';
import { openPort, type Listener } from '../../commands/loopback.js';
import { callsFor, embedOf, isFollowUp, startDiscord, visibleAnswers, visibleText, type Running } from './harness.js';
import { slashCommand, stringOption } from './payloads.js';

const person = { userId: '4900000000000000001' };
const guildId = '4900000000000000100';
let listener: Listener;
before(async () => {
  listener = await openPort();
});
after(() => listener.close());

/** The real bot, built from the adapter's own configuration once the stand-in is up. */
async function startWithRealBot(env: Record<string, string>): Promise<{ running: Running; bot: Bot }> {
  const inner: { bot?: Bot } = {};
  const late: Bot = {
    handleCommand: (command, responder) => inner.bot!.handleCommand(command, responder),
    handleAction: (action, requester, responder) => inner.bot!.handleAction(action, requester, responder),
    shutdown: () => inner.bot?.shutdown() ?? Promise.resolve(),
  };
  const running = await startDiscord(late, { PORTBOT_ALLOWLIST: '127.0.0.1', ...env }, { guildId });
  inner.bot = createBot({ config: running.config, service: testService(running.config), audit: memoryAudit() });
  return { running, bot: late };
}

async function ask(running: Running, name: 'scan' | 'port', option: ReturnType<typeof stringOption>[], count: number) {
  const command = slashCommand(running.standIn.ids, person, name, option);
  running.standIn.gateway.dispatch('INTERACTION_CREATE', command);
  await running.bot.until(count);
  return visibleAnswers(callsFor(running.standIn.calls, command.token));
}

test('in a guild that is not listed, /scan is refused naming PORTBOT_ALLOWED_GUILDS and /port still answers', { timeout: 30_000 }, async () => {
  const { running, bot } = await startWithRealBot({});
  try {
    const [refusal, ...more] = await ask(running, 'scan', [stringOption('target', '127.0.0.1'), stringOption('ports', String(listener.port))], 1);
    assert.equal(more.length, 0);
    assert.ok(isFollowUp(refusal!) && ((refusal!.body.flags ?? 0) & 64) === 64, 'refused only to the person who asked');
    assert.match(visibleText(refusal!.body), new RegExp(`${guildId}\\)? to PORTBOT\\\\?_ALLOWED\\\\?_GUILDS`));
    const [explained] = await ask(running, 'port', [stringOption('query', '22')], 2);
    assert.match(embedOf(explained!.body).title ?? '', /SSH/i);
  } finally {
    await running.stop();
    await bot.shutdown();
  }
});

test('in a listed guild (or DISCORD_GUILD_ID) /scan runs', { timeout: 30_000 }, async () => {
  for (const env of [{ PORTBOT_ALLOWED_GUILDS: `1,${guildId}` }, { DISCORD_GUILD_ID: guildId }]) {
    const { running, bot } = await startWithRealBot(env);
    try {
      const [answer] = await ask(running, 'scan', [stringOption('target', '127.0.0.1'), stringOption('ports', String(listener.port))], 1);
      assert.match(embedOf(answer!.body).description ?? '', new RegExp(`${listener.port}/tcp\\s+open`), JSON.stringify(env));
    } finally {
      await running.stop();
      await bot.shutdown();
    }
  }
});
