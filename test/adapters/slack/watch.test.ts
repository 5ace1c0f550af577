// /watch in Slack, through real Bolt against the stand-in with the real scan service, store and
// watch service (every 2 s): in a channel the bot is not in, /watch says so and starts nothing
// (conversations.info, as Slack answers it); in its channel the watch is confirmed with its id and
// baseline, and a port the test opens is announced there by chat.postMessage (no response_url:
// those expire); /watch list and /watch stop answer as slash commands.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pino } from 'pino';
import { createBot } from '../../../src/commands/bot.js';
import type { HistoryStore } from '../../../src/scan/index.js';
import { createWatchService, type WatchService } from '../../../src/watch/watch-service.js';
import { closedPort, type Listener } from '../../commands/loopback.js';
import { listenAt } from '../../cli/listen-at.js';
import { embeddedBackend, historyAt } from '../../scan/history-backends.js';
import { testService } from '../../scan/test-service.js';
import { finalMessages, seenMessages } from './answers.js';
import { startSlack, type RunningSlack } from './harness.js';
import type { RecordedCall } from './stand-in-api.js';
import { sendSigned, slashCommand } from './requests.js';

const form = 'application/x-www-form-urlencoded';
const erin = { userId: 'U0ERIN', channelId: 'C0NET' };
const backend = embeddedBackend();
let history: HistoryStore;
let slack: RunningSlack;
let watches: WatchService;
let port: number;
let opened: Listener | undefined;
let urls = 0;

before(async () => {
  history = historyAt(await backend.location());
  await history.ready();
  port = await closedPort();
  slack = await startSlack(
    (config) => {
      const service = testService(config, { history });
      watches = createWatchService({
        service,
        history,
        post: (place, reply) => slack.adapter.post!(place, reply),
        canPost: (place) => slack.adapter.canPost!(place),
        platforms: () => ['slack'],
        timeZone: config.PORTBOT_TIMEZONE,
        detectLimit: undefined,
        logger: pino({ level: 'silent' }),
      });
      return createBot({ config, service, audit: { record: () => undefined }, watches });
    },
    { PORTBOT_WATCH_MIN_INTERVAL: '2s' },
  );
  await watches.start();
});
after(async () => {
  await watches?.close();
  await slack.stop();
  await opened?.close();
  await history.close();
  backend.dispose();
});

async function command(text: string, who = erin): Promise<{ text: string; private: boolean }> {
  const before = finalMessages(slack.api.calls).length;
  const answered = slack.bot.count;
  await sendSigned(slack.port, slashCommand('/watch', text, who, slack.api.responseUrl(`w${++urls}`)), form);
  await slack.bot.until(answered + 1);
  const fresh = finalMessages(slack.api.calls).slice(before);
  assert.equal(fresh.length, 1, fresh.map((message) => message.text).join('\n---\n'));
  return fresh[0]!;
}

test('in a channel without the bot, /watch says to invite it and starts nothing', { timeout: 30_000 }, async () => {
  slack.api.outsideChannels.add('C0QUIET');
  const answer = await command(`127.0.0.1 ${port} every 2s`, { userId: 'U0ERIN', channelId: 'C0QUIET' });
  assert.match(answer.text, /portbot cannot post here/);
  assert.match(answer.text, /invite it with \/invite @portbot/);
  assert.equal(answer.private, true);
  assert.equal(slack.api.succeeded('conversations.info').at(-1)?.args['channel'], 'C0QUIET');
  const store = await history.ready();
  assert.ok(store.ok);
  assert.deepEqual(await store.value.listWatches(), [], 'no watch stored');
  assert.deepEqual(await store.value.history('127.0.0.1', { kind: 'operator' }), [], 'no baseline scan ran');
});

test('confirmed in the channel with its baseline; an opened port is posted to the channel; list and stop', { timeout: 60_000 }, async () => {
  const confirmed = await command(`127.0.0.1 ${port} every 2s`);
  const id = /Watching 127\.0\.0\.1 \(watch ([a-z0-9]+)\)/.exec(confirmed.text)?.[1];
  assert.ok(id !== undefined, confirmed.text);
  assert.equal(confirmed.private, false, 'the confirmation is for the channel');
  assert.match(confirmed.text, /Baseline[\s\S]*127\.0\.0\.1: 0 open, 1 closed/);

  opened = await listenAt(port);
  const alert = (calls: readonly RecordedCall[]) => seenMessages(calls.filter((call) => call.method === 'chat.postMessage' && call.args['channel'] === 'C0NET')).find((message) => message.text.includes('is now open'));
  await slack.api.until((calls) => alert(calls) !== undefined);
  assert.match(alert(slack.api.calls)!.text, new RegExp(`Watch ${id}: 127\\.0\\.0\\.1 changed[\\s\\S]*${port}/tcp.* is now open \\(was closed\\)`));

  const listed = await command('list');
  assert.match(listed.text, new RegExp(`${id} · 127\\.0\\.0\\.1 · ports ${port} · every 2 seconds`));
  assert.equal((await command('list', { userId: 'U0ERIN', channelId: 'C0OTHER' })).text.includes(id), false, 'another channel has its own watches');
  assert.match((await command(`stop ${id}`, { userId: 'U0ERIN', channelId: 'C0OTHER' })).text, /There is no watch [a-z0-9]+ in this channel/);
  assert.match((await command(`stop ${id}`)).text, /Stopped watching 127\.0\.0\.1/);
  assert.match((await command('list')).text, /No watches in this channel/);
});
