// Getting the final answer to the person, through real discord.js against the stand-in: button ids
// Discord accepts, a short plain note when Discord refuses the answer, and no message posted twice
// when Discord answers 5xx (edits are repeated, new messages never are).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanReply } from '../../../src/report/scan-reply.js';
import { FALLBACK_LINE } from '../../../adapters/discord/fallback.js';
import { host, port, report } from '../../report/fixtures.js';
import { buttonLabels, callsFor, isFollowUp, isOriginalEdit, startDiscord, succeeded, visibleText } from './harness.js';
import { guildMessage, slashCommand, stringOption } from './payloads.js';
import { reply, ScriptedBot } from './scripted-bot.js';

const person = { userId: '4700000000000000001' };
const progress = reply({ title: 'Scanning 127.0.0.1…', tone: 'progress', rows: [], folded: undefined, actions: [{ kind: 'cancel', label: 'Cancel', scanId: 's1' }] });

test('53 open on TCP and UDP: two Explain buttons with ids Discord accepts, and the answer arrives', { timeout: 30_000 }, async () => {
  const both = scanReply(report([host('dns-1', '127.0.0.1', [port(53, 'open', 'tcp', 'domain'), port(53, 'open', 'udp', 'domain')])]), { command: '/scan dns-1 T:53,U:53', visibility: 'channel' });
  const running = await startDiscord(new ScriptedBot(async (_command, responder) => responder.final(both)));
  try {
    const { standIn } = running;
    const command = slashCommand(standIn.ids, person, 'scan', [stringOption('target', 'dns-1'), stringOption('ports', 'T:53,U:53')]);
    standIn.gateway.dispatch('INTERACTION_CREATE', command);
    await running.bot.until(1);
    const edits = callsFor(standIn.calls, command.token).filter(isOriginalEdit);
    assert.deepEqual(edits.map((call) => call.status), [200], `one accepted edit: ${JSON.stringify(edits.map((call) => call.json))}`);
    assert.deepEqual(buttonLabels(edits[0]!.body), ['Rescan', 'Explain 53/tcp', 'Explain 53/udp']);
  } finally {
    await running.stop();
  }
});

test('the stand-in refuses buttons that share a custom_id, as Discord does (400, 50035)', { timeout: 30_000 }, async () => {
  const running = await startDiscord(new ScriptedBot(async (_command, responder) => responder.final(reply())));
  try {
    const button = { type: 2, style: 2, label: 'Explain 53', custom_id: 'portbot:e:53' };
    const response = await fetch(`${running.standIn.apiUrl}/v10/channels/${running.standIn.ids.channelId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'x', components: [{ type: 1, components: [button, { ...button, label: 'Explain 53 again' }] }] }),
    });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { code: number }).code, 50035);
  } finally {
    await running.stop();
  }
});

test('a final edit Discord refuses leaves a short plain note in its place, not a live Cancel button', { timeout: 30_000 }, async () => {
  const running = await startDiscord(
    new ScriptedBot(async (_command, responder) => {
      await responder.progress(progress);
      await responder.final(reply());
    }),
  );
  try {
    const { standIn } = running;
    const command = slashCommand(standIn.ids, person, 'scan', [stringOption('target', '127.0.0.1')]);
    // The progress edit goes through; the final one is refused.
    await standIn.waitForCalls(() => true);
    let edits = 0;
    standIn.rest.on('call', (call: { method: string; path: string }) => {
      if (call.method === 'PATCH' && call.path.endsWith(`${command.token}/messages/@original`) && ++edits === 1) {
        standIn.rest.failOnce('PATCH', new RegExp(`${command.token}/messages/@original$`), 400, { message: 'Invalid Form Body', code: 50035 });
      }
    });
    standIn.gateway.dispatch('INTERACTION_CREATE', command);
    await running.bot.until(1);
    await standIn.waitForCalls((calls) => callsFor(calls, command.token).filter((call) => isOriginalEdit(call) && succeeded(call)).length >= 2);
    const shown = callsFor(standIn.calls, command.token).filter((call) => isOriginalEdit(call) && succeeded(call));
    const last = shown.at(-1)!;
    assert.equal(last.body.content, FALLBACK_LINE);
    assert.deepEqual(buttonLabels(last.body), [], 'no Cancel button is left on the message');
    assert.deepEqual(last.body.embeds, []);
  } finally {
    await running.stop();
  }
});

test('a 5xx on the final edit is repeated (an edit is safe to repeat): one answer', { timeout: 30_000 }, async () => {
  const running = await startDiscord(new ScriptedBot(async (_command, responder) => responder.final(reply())));
  try {
    const { standIn } = running;
    const command = slashCommand(standIn.ids, person, 'port', [stringOption('query', '22')]);
    standIn.rest.failOnce('PATCH', new RegExp(`${command.token}/messages/@original$`), 502, { message: 'Bad Gateway', code: 0 });
    standIn.gateway.dispatch('INTERACTION_CREATE', command);
    await running.bot.until(1);
    const edits = callsFor(standIn.calls, command.token).filter(isOriginalEdit);
    assert.deepEqual(edits.map((call) => call.status), [502, 200]);
    assert.match(visibleText(edits[1]!.body), /Scan of 127\.0\.0\.1/);
  } finally {
    await running.stop();
  }
});

test('a 5xx on a new message (a private follow-up, a reply to a mention) is never re-sent: Discord may have stored it', { timeout: 30_000 }, async () => {
  const secret = reply({ title: 'Refused', summary: 'not on the allowlist', visibility: 'requester', tone: 'danger', rows: [], actions: [] });
  const running = await startDiscord(new ScriptedBot(async (command, responder) => responder.final(command.text.startsWith('/scan') ? secret : reply())));
  try {
    const { standIn } = running;
    const command = slashCommand(standIn.ids, person, 'scan', [stringOption('target', '10.1.2.3')]);
    standIn.rest.failOnce('POST', new RegExp(`^/webhooks/\\d+/${command.token}$`), 500, { message: 'Internal Server Error', code: 0 });
    standIn.gateway.dispatch('INTERACTION_CREATE', command);
    await running.bot.until(1);
    await standIn.waitForCalls((calls) => callsFor(calls, command.token).filter(isFollowUp).length >= 2);
    const [answer, note, ...more] = callsFor(standIn.calls, command.token).filter(isFollowUp);
    assert.equal(answer!.status, 500);
    assert.equal(more.length, 0, 'the answer is not repeated after the 500');
    // The person still learns that something went wrong, privately, without a second copy of the answer.
    assert.equal(note!.body.content, FALLBACK_LINE);
    assert.equal((note!.body.flags ?? 0) & 64, 64);

    const channelPosts = new RegExp(`^/channels/${standIn.ids.channelId}/messages$`);
    standIn.rest.failOnce('POST', channelPosts, 503, { message: 'Service Unavailable', code: 0 });
    standIn.gateway.dispatch('MESSAGE_CREATE', guildMessage(standIn.ids, person, `<@${standIn.ids.botUser.id}> port 22`, true));
    await running.bot.until(2);
    await standIn.waitForCalls((calls) => calls.filter((call) => call.method === 'POST' && channelPosts.test(call.path)).length >= 2);
    const replies = standIn.calls.filter((call) => call.method === 'POST' && channelPosts.test(call.path));
    assert.equal(replies[0]!.status, 503);
    assert.equal(replies[1]!.body.content, FALLBACK_LINE, 'the second post is the short note, not the answer again');
  } finally {
    await running.stop();
  }
});
