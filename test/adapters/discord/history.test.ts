// History in Discord, through real discord.js against the stand-in with the real scan service and
// store: the second scan's answer says what changed since the last scan, /history and /diff answer
// as slash commands, /diff suggests the ids of the target's scans, and posting to a stored place
// goes to the channel, or to the person's DMs when it is private or the channel is gone.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createBot } from '../../../src/commands/bot.js';
import { loadConfig } from '../../../src/config.js';
import { noticeReply } from '../../../src/report/problem-reply.js';
import type { HistoryStore } from '../../../src/scan/index.js';
import { closedPort } from '../../commands/loopback.js';
import { listenAt } from '../../cli/listen-at.js';
import { embeddedBackend, historyAt } from '../../scan/history-backends.js';
import { testService } from '../../scan/test-service.js';
import { callsFor, isFollowUp, isOriginalEdit, startDiscord, succeeded, visibleText, type Running } from './harness.js';
import { autocomplete, slashCommand, stringOption } from './payloads.js';

const config = loadConfig({ PORTBOT_ALLOWLIST: '127.0.0.0/8', PORTBOT_SCANS_PER_MINUTE: '1000' });
const person = { userId: '4700000000000000001' };
const backend = embeddedBackend();
let history: HistoryStore;
let running: Running;
let port: number;

before(async () => {
  history = historyAt(await backend.location());
  await history.ready();
  running = await startDiscord(createBot({ config, service: testService(config, { history }), audit: { record: () => undefined } }));
  port = await closedPort();
});
after(async () => {
  await running.stop();
  await history.close();
  backend.dispose();
});

/** Runs a slash command and returns what its final answer shows. */
async function command(name: string, options: ReturnType<typeof stringOption>[]): Promise<string> {
  const { standIn } = running;
  const done = running.bot.count;
  const interaction = slashCommand(standIn.ids, person, name, options);
  standIn.gateway.dispatch('INTERACTION_CREATE', interaction);
  await running.bot.until(done + 1);
  const answers = callsFor(standIn.calls, interaction.token).filter((call) => succeeded(call) && (isOriginalEdit(call) || isFollowUp(call)));
  return visibleText(answers.at(-1)!.body);
}

test('since the last scan, /history, /diff by target, and ids suggested for /diff', { timeout: 60_000 }, async () => {
  const scan = [stringOption('target', '127.0.0.1'), stringOption('ports', String(port))];
  assert.match(await command('scan', scan), /First scan of 127\\?\.0\\?\.0\\?\.1 here/);
  const opened = await listenAt(port);
  try {
    assert.match(await command('scan', scan), new RegExp(`Since the last scan \\(\\d+ s ago\\): ${port}/tcp now open`));
  } finally {
    await opened.close();
  }
  const listed = await command('history', [stringOption('target', '127.0.0.1')]);
  const ids = [...listed.matchAll(/^([a-z0-9]{5}) {2}\d{4}-/gm)].map((match) => match[1]!);
  assert.equal(ids.length, 2, listed);
  assert.match(await command('diff', [stringOption('target', '127.0.0.1')]), new RegExp(`${port}/tcp\\s+open\\s+\\S+\\s+was closed`));
  assert.match(await command('diff', [stringOption('from', ids[1]!), stringOption('to', ids[0]!)]), new RegExp(`What changed: ${ids[1]!} and ${ids[0]!}`));

  const { standIn } = running;
  const suggest = autocomplete(standIn.ids, person, 'diff', [stringOption('target', '127.0.0.1'), stringOption('from', '', true)]);
  standIn.gateway.dispatch('INTERACTION_CREATE', suggest);
  await standIn.waitForCalls((calls) => callsFor(calls, suggest.token).length > 0);
  const choices = callsFor(standIn.calls, suggest.token)[0]!.body.data?.choices ?? [];
  assert.deepEqual(choices.map((choice) => choice.value), ids, 'the target’s scans, newest first');
  assert.match(choices[0]!.name, new RegExp(`^${ids[0]!} {2}\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC`));
});

test('post to a place: the channel, a DM for a private reply or a channel portbot cannot see', { timeout: 30_000 }, async () => {
  const { standIn, adapter } = running;
  const notice = { ...noticeReply('Scan s7k2q was interrupted', 'Your scan did not finish.'), visibility: 'channel' as const };
  const posts = () => standIn.calls.filter((call) => call.method === 'POST' && /^\/channels\/\d+\/messages$/.test(call.path) && succeeded(call));
  assert.deepEqual(await adapter.post!({ platform: 'discord', workspaceId: standIn.ids.guildId, channelId: standIn.ids.channelId, userId: person.userId }, notice), { delivered: true, where: 'channel' });
  assert.equal(posts().at(-1)?.path, `/channels/${standIn.ids.channelId}/messages`);
  assert.match(visibleText(posts().at(-1)!.body), /Scan s7k2q was interrupted/);
  assert.deepEqual(await adapter.post!({ platform: 'discord', channelId: standIn.ids.channelId, userId: person.userId }, { ...notice, visibility: 'requester' }), { delivered: true, where: 'direct-message' });
  assert.equal(posts().at(-1)?.path, `/channels/${standIn.ids.dmChannelFor(person.userId)}/messages`);
  assert.deepEqual(await adapter.post!({ platform: 'discord', channelId: '1399999999999999999', userId: person.userId }, notice), { delivered: true, where: 'direct-message' });
  const nowhere = await adapter.post!({ platform: 'discord', channelId: '1399999999999999999' }, notice);
  assert.equal(nowhere.delivered, false);
});
