// 429s from Discord: discord.js's REST waits the time Discord gives and retries; the adapter must
// not add a second attempt of its own, so every answer still lands exactly once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callsFor, isCallback, isFollowUp, isOriginalEdit, startDiscord, succeeded } from './harness.js';
import { guildMessage, slashCommand, stringOption } from './payloads.js';
import { reply, ScriptedBot } from './scripted-bot.js';
import type { RecordedCall } from './stand-in-rest.js';

const person = { userId: '4500000000000000001' };
const RETRY_AFTER_SECONDS = 1;

/** The rejected attempt and its single retry: the retry came after the wait Discord asked for. */
function assertRetriedOnceAfterWait(attempts: readonly RecordedCall[]): void {
  assert.deepEqual(attempts.map((call) => call.status < 300 ? 'ok' : call.status), [429, 'ok']);
  const waited = attempts[1]!.at - attempts[0]!.at;
  // A lower bound only (timers never fire early): it proves the wait, not a speed.
  assert.ok(waited >= RETRY_AFTER_SECONDS * 1000 - 20, `retried after ${Math.round(waited)} ms`);
}

test('a 429 on the deferral and on the final edit is waited out and retried once: one deferral, one answer', { timeout: 30_000 }, async () => {
  const running = await startDiscord(new ScriptedBot(async (_command, responder) => responder.final(reply())));
  try {
    const { standIn } = running;
    const command = slashCommand(standIn.ids, person, 'port', [stringOption('query', '22')]);
    standIn.rest.rateLimitOnce('POST', new RegExp(`/${command.token}/callback$`), RETRY_AFTER_SECONDS);
    standIn.rest.rateLimitOnce('PATCH', new RegExp(`/${command.token}/messages/@original$`), RETRY_AFTER_SECONDS);
    standIn.gateway.dispatch('INTERACTION_CREATE', command);
    await running.bot.until(1);
    const calls = callsFor(standIn.calls, command.token);
    assertRetriedOnceAfterWait(calls.filter(isCallback));
    assertRetriedOnceAfterWait(calls.filter(isOriginalEdit));
    assert.equal(calls.filter((call) => succeeded(call) && isOriginalEdit(call)).length, 1);
  } finally {
    await running.stop();
  }
});

test('a 429 on an ephemeral follow-up does not post it twice', { timeout: 30_000 }, async () => {
  const running = await startDiscord(new ScriptedBot(async (_command, responder) => responder.final(reply({ visibility: 'requester', tone: 'danger' }))));
  try {
    const { standIn } = running;
    const command = slashCommand(standIn.ids, person, 'scan', [stringOption('target', '10.1.2.3')]);
    standIn.rest.rateLimitOnce('POST', new RegExp(`^/webhooks/\\d+/${command.token}$`), RETRY_AFTER_SECONDS);
    standIn.gateway.dispatch('INTERACTION_CREATE', command);
    await running.bot.until(1);
    const followUps = callsFor(standIn.calls, command.token).filter(isFollowUp);
    assertRetriedOnceAfterWait(followUps);
  } finally {
    await running.stop();
  }
});

test('a 429 on the reply to a mention does not post it twice', { timeout: 30_000 }, async () => {
  const running = await startDiscord(new ScriptedBot(async (_command, responder) => responder.final(reply())));
  try {
    const { standIn } = running;
    const channelMessages = new RegExp(`^/channels/${standIn.ids.channelId}/messages$`);
    standIn.rest.rateLimitOnce('POST', channelMessages, RETRY_AFTER_SECONDS);
    standIn.gateway.dispatch('MESSAGE_CREATE', guildMessage(standIn.ids, person, `<@${standIn.ids.botUser.id}> port 22`, true));
    await running.bot.until(1);
    assertRetriedOnceAfterWait(standIn.calls.filter((call) => call.method === 'POST' && channelMessages.test(call.path)));
  } finally {
    await running.stop();
  }
});
