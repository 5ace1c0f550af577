// /watch in Discord, through real discord.js against the stand-in with the real scan service, store
// and watch service (every 2 s): `/watch add` (a subcommand, its schedule "2s" read as "every 2s")
// is confirmed with the watch id and baseline; a port the test opens is announced by a new message
// in the channel (not through the interaction, whose token expires); `/watch list` and
// `/watch stop` answer as subcommands.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { pino } from 'pino';
import { createBot } from '../../../src/commands/bot.js';
import { loadConfig } from '../../../src/config.js';
import type { HistoryStore } from '../../../src/scan/index.js';
import { createWatchService, type WatchService } from '../../../src/watch/watch-service.js';
import { closedPort, type Listener } from '../../commands/loopback.js';
import { listenAt } from '../../cli/listen-at.js';
import { embeddedBackend, historyAt } from '../../scan/history-backends.js';
import { testService } from '../../scan/test-service.js';
import { callsFor, isFollowUp, isOriginalEdit, startDiscord, succeeded, visibleText, type Running } from './harness.js';
import { slashCommand, stringOption, type Option } from './payloads.js';

const config = loadConfig({ PORTBOT_ALLOWLIST: '127.0.0.0/8', PORTBOT_SCANS_PER_MINUTE: '1000', PORTBOT_WATCH_MIN_INTERVAL: '2s' });
const person = { userId: '4700000000000000002' };
const backend = embeddedBackend();
let history: HistoryStore;
let running: Running;
let watches: WatchService;
let port: number;
let opened: Listener | undefined;

before(async () => {
  history = historyAt(await backend.location());
  await history.ready();
  const service = testService(config, { history });
  watches = createWatchService({
    service,
    history,
    post: (place, reply) => running.adapter.post!(place, reply),
    platforms: () => ['discord'],
    timeZone: config.PORTBOT_TIMEZONE,
    detectLimit: undefined,
    logger: pino({ level: 'silent' }),
  });
  running = await startDiscord(createBot({ config, service, audit: { record: () => undefined }, watches }));
  await watches.start();
  port = await closedPort();
});
after(async () => {
  await watches.close();
  await running.stop();
  await opened?.close();
  await history.close();
  backend.dispose();
});

/** A subcommand of /watch as Discord sends it: one option of type 1 holding the subcommand's options. */
const sub = (name: string, options: readonly Option[] = []): Option => ({ name, type: 1, options }) as unknown as Option;

async function watchCommand(subcommand: Option): Promise<string> {
  const { standIn } = running;
  const done = running.bot.count;
  const interaction = slashCommand(standIn.ids, person, 'watch', [subcommand]);
  standIn.gateway.dispatch('INTERACTION_CREATE', interaction);
  await running.bot.until(done + 1);
  const answers = callsFor(standIn.calls, interaction.token).filter((call) => succeeded(call) && (isOriginalEdit(call) || isFollowUp(call)));
  return visibleText(answers.at(-1)!.body);
}

test('/watch add confirms with a baseline; an opened port is posted to the channel; list and stop', { timeout: 60_000 }, async () => {
  const confirmed = await watchCommand(sub('add', [stringOption('target', '127.0.0.1'), stringOption('schedule', '2s'), stringOption('ports', String(port))]));
  const id = /Watching 127\\?\.0\\?\.0\\?\.1 \(watch ([a-z0-9]+)\)/.exec(confirmed)?.[1];
  assert.ok(id !== undefined, confirmed);
  assert.match(confirmed, /every 2 seconds/);
  assert.match(confirmed, /Baseline[\s\S]*0 open, 1 closed/);

  const { standIn } = running;
  const channelPath = `/channels/${standIn.ids.channelId}/messages`;
  const alert = () => standIn.calls.find((call) => call.method === 'POST' && call.path === channelPath && succeeded(call) && visibleText(call.body).includes('is now open'));
  opened = await listenAt(port);
  await standIn.waitForCalls(() => alert() !== undefined);
  assert.match(visibleText(alert()!.body), new RegExp(`Watch ${id}: 127\\\\?\\.0\\\\?\\.0\\\\?\\.1 changed[\\s\\S]*${port}/tcp.* is now open \\(was closed\\)`));

  assert.match(await watchCommand(sub('list')), new RegExp(`${id} · 127\\\\?\\.0\\\\?\\.0\\\\?\\.1`));
  assert.match(await watchCommand(sub('stop', [stringOption('id', id)])), /Stopped watching 127\\?\.0\\?\.0\\?\.1/);
  assert.match(await watchCommand(sub('list')), /No watches in this channel/);
});
