// History in Slack, through real Bolt against the stand-in with the real scan service and store:
// a scan's answer ends with what changed since the last scan in that channel, /history and /diff
// answer as slash commands, another channel sees nothing of it, and posting to a stored place
// (interrupted scans, later watch alerts) goes to the channel, or to a DM when the bot is not in it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createBot } from '../../../src/commands/bot.js';
import { noticeReply } from '../../../src/report/problem-reply.js';
import type { HistoryStore } from '../../../src/scan/index.js';
import { closedPort } from '../../commands/loopback.js';
import { listenAt } from '../../cli/listen-at.js';
import { embeddedBackend, historyAt } from '../../scan/history-backends.js';
import { testService } from '../../scan/test-service.js';
import { finalMessages } from './answers.js';
import { startSlack, type RunningSlack } from './harness.js';
import { sendSigned, slashCommand } from './requests.js';

const form = 'application/x-www-form-urlencoded';
const erin = { userId: 'U0ERIN', channelId: 'C0NET' };
const backend = embeddedBackend();
let history: HistoryStore;
let slack: RunningSlack;
let port: number;
let urls = 0;

before(async () => {
  history = historyAt(await backend.location());
  await history.ready();
  slack = await startSlack((config) => createBot({ config, service: testService(config, { history }), audit: { record: () => undefined } }));
  port = await closedPort();
});
after(async () => {
  await slack.stop();
  await history.close();
  backend.dispose();
});

/** Runs a slash command and returns the text of its one final answer. */
async function command(name: string, text: string, who = erin): Promise<string> {
  const before = finalMessages(slack.api.calls).length;
  const answered = slack.bot.count;
  await sendSigned(slack.port, slashCommand(name, text, who, slack.api.responseUrl(`h${++urls}`)), form);
  await slack.bot.until(answered + 1);
  const fresh = finalMessages(slack.api.calls).slice(before);
  assert.equal(fresh.length, 1, fresh.map((message) => message.text).join('\n---\n'));
  return fresh[0]!.text;
}

test('the second scan’s answer says what changed since the last scan; /history and /diff list them; another channel sees none', { timeout: 60_000 }, async () => {
  assert.match(await command('/scan', `127.0.0.1 ${port}`), /First scan of 127\.0\.0\.1 here/);
  const opened = await listenAt(port);
  try {
    assert.match(await command('/scan', `127.0.0.1 ${port}`), new RegExp(`Since the last scan \\(\\d+ s ago\\): ${port}/tcp now open`));
  } finally {
    await opened.close();
  }
  const listed = await command('/history', '127.0.0.1');
  assert.match(listed, /History of 127\.0\.0\.1/);
  assert.equal(listed.match(/^[a-z0-9]{5} {2}\d{4}-/gm)?.length, 2, listed);
  assert.match(await command('/diff', '127.0.0.1'), new RegExp(`What changed: 127\\.0\\.0\\.1[\\s\\S]*${port}/tcp\\s+open\\s+\\S+\\s+was closed`));
  assert.match(await command('/history', '127.0.0.1', { userId: 'U0ERIN', channelId: 'C0OTHER' }), /No scans of 127\.0\.0\.1 here yet/);
});

test('post to a place: the channel when the bot may post there, else the person’s DM, else why not', { timeout: 30_000 }, async () => {
  const notice = { ...noticeReply('Scan s7k2q was interrupted', 'Your scan did not finish.'), visibility: 'channel' as const };
  const inChannel = await slack.adapter.post!({ platform: 'slack', workspaceId: 'T0TEAM', channelId: 'C0NET', userId: 'U0ERIN' }, notice);
  assert.deepEqual(inChannel, { delivered: true, where: 'channel' });
  assert.equal(slack.api.succeeded('chat.postMessage').at(-1)?.args['channel'], 'C0NET');

  slack.api.fail('chat.postMessage', { error: 'not_in_channel' });
  const moved = await slack.adapter.post!({ platform: 'slack', channelId: 'C0QUIET', userId: 'U0ERIN' }, notice);
  assert.deepEqual(moved, { delivered: true, where: 'direct-message' });
  assert.equal(slack.api.succeeded('chat.postMessage').at(-1)?.args['channel'], 'DU0ERIN');

  const privately = await slack.adapter.post!({ platform: 'slack', channelId: 'C0NET', userId: 'U0ERIN' }, { ...notice, visibility: 'requester' });
  assert.deepEqual(privately, { delivered: true, where: 'direct-message' }, 'a private reply never goes to the channel');

  slack.api.fail('chat.postMessage', { error: 'channel_not_found' });
  const nowhere = await slack.adapter.post!({ platform: 'slack', channelId: 'C0GONE' }, notice);
  assert.equal(nowhere.delivered, false);
  assert.match(nowhere.delivered ? '' : nowhere.reason, /cannot post in C0GONE \(channel_not_found/);
});
