// The Discord adapter with the REAL bot: real policy (loopback allowed), real scanner against
// real loopback listeners, real discord.js against the stand-in. Buttons are clicked with the
// custom ids the adapter itself rendered.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createBot } from '../../../src/commands/bot.js';
import type { Scanner } from '../../../src/scan/index.js';
import { testService } from '../../scan/test-service.js';
import { loadConfig } from '../../../src/config.js';
import { scan } from '../../../src/scanner/scan.js';
import { probeTcp } from '../../../src/scanner/tcp/index.js';
import { probeUdp } from '../../../src/scanner/udp/index.js';
import type { HostProber } from '../../../src/scanner/types.js';
import { memoryAudit } from '../../commands/fake-chat.js';
import { closedPort, openPort, type Listener } from '../../commands/loopback.js';
import { TONE_COLOUR } from '../../../adapters/discord/render.js';
import { buttonLabels, callsFor, embedOf, isCallback, isFollowUp, isOriginalEdit, startDiscord, succeeded, visibleAnswers, visibleText } from './harness.js';
import { buttonClick, slashCommand, stringOption } from './payloads.js';
import type { RecordedCall, SentBody } from './stand-in-rest.js';

const config = loadConfig({ PORTBOT_ALLOWLIST: '127.0.0.0/8,::1', PORTBOT_SCANS_PER_MINUTE: '1000' });
const person = { userId: '4300000000000000001' };
let listener: Listener;
let closed: number;

before(async () => {
  listener = await openPort();
  closed = await closedPort();
});
after(async () => {
  await listener.close();
});

function realBot(overrides: { scan?: Scanner } = {}) {
  const audit = memoryAudit();
  const bot = createBot({ config, service: testService(config, { audit, ...overrides }), audit, progressTiming: { firstAfterMs: 0, everyMs: 50 } });
  return { bot, audit };
}

const answers = (calls: readonly RecordedCall[]): RecordedCall[] => calls.filter((call) => isOriginalEdit(call) || isFollowUp(call));
const finals = (calls: readonly RecordedCall[]): RecordedCall[] => visibleAnswers(calls).filter((call) => call.body.embeds?.[0]?.color !== TONE_COLOUR.progress);

function button(body: SentBody, label: string): { customId: string; components: unknown[] } {
  const found = (body.components ?? []).flatMap((row) => row.components).find((candidate) => candidate.label === label);
  assert.ok(found !== undefined, `a ${label} button in ${JSON.stringify(body.components)}`);
  return { customId: found.custom_id, components: body.components as unknown[] };
}

test('a loopback scan end to end: public deferral, one final edit showing the open port, and Rescan runs it again', { timeout: 60_000 }, async () => {
  const { bot, audit } = realBot();
  const running = await startDiscord(bot);
  try {
    const { standIn } = running;
    const command = slashCommand(standIn.ids, person, 'scan', [stringOption('target', '127.0.0.1'), stringOption('ports', `${listener.port},${closed}`)]);
    standIn.gateway.dispatch('INTERACTION_CREATE', command);
    await running.bot.until(1);
    const calls = callsFor(standIn.calls, command.token);
    assert.equal(calls.filter(isCallback).length, 1);
    assert.equal((calls[0]!.body.data?.flags ?? 0) & 64, 0);
    const [final, ...extra] = finals(calls);
    assert.equal(extra.length, 0, 'exactly one final answer');
    assert.ok(isOriginalEdit(final!));
    assert.match(embedOf(final!.body).description ?? '', new RegExp(`${listener.port}/tcp\\s+open\\s+\\S+\\s+syn-ack`));
    assert.match(visibleText(final!.body), /closed/);
    assert.equal(audit.entries.at(-1)?.decision, 'allowed');

    const rescan = button(final!.body, 'Rescan');
    const click = buttonClick(standIn.ids, person, rescan.customId, rescan.components);
    standIn.gateway.dispatch('INTERACTION_CREATE', click);
    await running.bot.until(2);
    const rescanCalls = callsFor(standIn.calls, click.token);
    assert.equal((rescanCalls.find(isCallback)!.body.data?.flags ?? 0) & 64, 0, 'a rescan is public like the scan');
    const [again, ...more] = finals(rescanCalls);
    assert.equal(more.length, 0);
    assert.match(embedOf(again!.body).description ?? '', new RegExp(`${listener.port}/tcp\\s+open`));
  } finally {
    await running.stop();
    await bot.shutdown();
  }
});

test('a target outside the allowlist is refused by the real policy, once and ephemerally', { timeout: 60_000 }, async () => {
  const { bot, audit } = realBot();
  const running = await startDiscord(bot);
  try {
    const { standIn } = running;
    const command = slashCommand(standIn.ids, person, 'scan', [stringOption('target', '10.1.2.3')]);
    standIn.gateway.dispatch('INTERACTION_CREATE', command);
    await running.bot.until(1);
    const [refusal, ...extra] = finals(callsFor(standIn.calls, command.token));
    assert.equal(extra.length, 0);
    assert.ok(isFollowUp(refusal!), 'sent as a follow-up after removing the public placeholder');
    assert.equal((refusal!.body.flags ?? 0) & 64, 64);
    assert.match(visibleText(refusal!.body), /10\\?\.1\\?\.2\\?\.3/);
    assert.equal(audit.entries.at(-1)?.decision, 'refused');
  } finally {
    await running.stop();
    await bot.shutdown();
  }
});

test('Cancel on the progress message stops the scan: the clicker is told privately and the scan still gets its one final answer', { timeout: 60_000 }, async () => {
  // The real TCP prober answers the first port, then holds until cancelled: a scan that is
  // certainly still running when Cancel is clicked.
  const held: HostProber = async (address, ports, options) => {
    const first = await probeTcp(address, ports.slice(0, 1), options);
    await new Promise<void>((resolve) => (options.signal?.aborted === true ? resolve() : options.signal?.addEventListener('abort', () => resolve(), { once: true })));
    return first;
  };
  const { bot } = realBot({ scan: (addresses, ports, options) => scan(addresses, ports, options, { tcp: held, udp: probeUdp }) });
  const running = await startDiscord(bot);
  try {
    const { standIn } = running;
    const command = slashCommand(standIn.ids, person, 'scan', [stringOption('target', '127.0.0.1'), stringOption('ports', `${listener.port},${closed}`)]);
    standIn.gateway.dispatch('INTERACTION_CREATE', command);
    await standIn.waitForCalls((calls) => answers(callsFor(calls, command.token)).length > 0);
    const progress = answers(callsFor(standIn.calls, command.token))[0]!;
    assert.equal(embedOf(progress.body).color, TONE_COLOUR.progress);
    assert.deepEqual(buttonLabels(progress.body), ['Cancel']);

    const cancel = button(progress.body, 'Cancel');
    const click = buttonClick(standIn.ids, person, cancel.customId, cancel.components);
    standIn.gateway.dispatch('INTERACTION_CREATE', click);
    await running.bot.until(2);
    const clickCalls = callsFor(standIn.calls, click.token);
    assert.equal((clickCalls.find(isCallback)!.body.data?.flags ?? 0) & 64, 64, 'only the clicker sees the cancel answer');
    assert.equal(finals(clickCalls).length, 1);
    const [scanFinal, ...extra] = finals(callsFor(standIn.calls, command.token));
    assert.equal(extra.length, 0);
    assert.doesNotMatch(visibleText(scanFinal!.body), /Scanning/);
    assert.ok(!buttonLabels(scanFinal!.body).includes('Cancel'), 'the finished scan offers no Cancel');
  } finally {
    await running.stop();
    await bot.shutdown();
  }
});

test('50 interactions at once are each deferred once and answered exactly once', { timeout: 120_000 }, async () => {
  const { bot } = realBot();
  const running = await startDiscord(bot);
  try {
    const { standIn } = running;
    const commands = Array.from({ length: 50 }, (_, index) => {
      const user = { userId: `44000000000000${String(index).padStart(5, '0')}` };
      return index % 2 === 0
        ? slashCommand(standIn.ids, user, 'port', [stringOption('query', '22')])
        : slashCommand(standIn.ids, user, 'scan', [stringOption('target', '127.0.0.1'), stringOption('ports', `${listener.port},${closed}`)]);
    });
    for (const command of commands) standIn.gateway.dispatch('INTERACTION_CREATE', command);
    await running.bot.until(50);
    for (const [index, command] of commands.entries()) {
      const calls = callsFor(standIn.calls, command.token);
      assert.equal(calls.filter(isCallback).length, 1, `interaction ${index} deferred once`);
      const [final, ...extra] = finals(calls);
      assert.equal(extra.length, 0, `interaction ${index} answered once`);
      assert.match(visibleText(final!.body), index % 2 === 0 ? /ssh/i : new RegExp(`${listener.port}/tcp\\s+open`));
    }
    assert.ok(standIn.calls.every(succeeded));
  } finally {
    await running.stop();
    await bot.shutdown();
  }
});
