// Getting answers to the person through real Bolt against the stand-in, without what Slack does
// not offer: no replacing or deleting through a slash command's response_url (private progress is
// shown once), no response_url past its 30 minutes (a long scan moves to a DM and says so), and a
// short plain note when Slack refuses the final answer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Responder } from '../../../src/commands/types.js';
import { FALLBACK_NOTE } from '../../../adapters/slack/responder.js';
import { finalMessages } from './answers.js';
import { realBot, startSlack, type RunningSlack } from './harness.js';
import { asForm, buttonPress, sendSigned, slashCommand } from './requests.js';
import { progressReply, reply, ScriptedBot } from './scripted-bot.js';
import type { RecordedCall } from './stand-in-api.js';

const form = 'application/x-www-form-urlencoded';
const finn = { userId: 'U0FINN', channelId: 'C0OPS' };
const privateProgress = { ...progressReply, visibility: 'requester' as const, actions: [{ kind: 'cancel' as const, label: 'Cancel', scanId: 'd5f0c7a2-7b0e-4a53-9d2c-1f1f4e6a0b11' }] };
const replacing = (call: RecordedCall): boolean => call.method === 'response' && (call.args['replace_original'] === true || call.args['delete_original'] === true);

test('a private scan shows its progress once and answers as a new ephemeral, never replacing or deleting through the response_url', { timeout: 30_000 }, async () => {
  const slack = await startSlack(
    () =>
      new ScriptedBot(async (_command, responder) => {
        for (let step = 0; step < 3; step++) await responder.progress(privateProgress);
        await responder.final(reply({ visibility: 'requester' }));
      }),
  );
  try {
    await sendSigned(slack.port, slashCommand('/scan', '127.0.0.1 22 private', finn, slack.api.responseUrl('r1')), form);
    await slack.bot.until(1);
    assert.deepEqual(slack.api.calls.filter(replacing), []);
    assert.ok(slack.api.calls.filter((call) => call.method === 'response').every((call) => call.ok), 'Slack took every response_url post');
    const shown = slack.api.succeeded().filter((call) => call.method === 'chat.postEphemeral' || call.method === 'response');
    assert.equal(shown.filter((call) => call.method === 'chat.postEphemeral').length, 1, 'progress once: an ephemeral cannot be updated');
    const [answer, ...more] = finalMessages(slack.api.calls);
    assert.equal(more.length, 0);
    assert.equal(answer!.private, true);
    assert.equal(slack.api.succeeded('chat.postMessage').length, 0);
  } finally {
    await slack.stop();
  }
});

test('Explain answers only the person who pressed it, as on Discord; the result it was pressed on stays', { timeout: 30_000 }, async () => {
  const slack = await startSlack(realBot);
  try {
    await sendSigned(slack.port, asForm(buttonPress('portbot_explain_1', '22/tcp', 'Explain 22/tcp', finn, slack.api.responseUrl('a1', 'action'))), form);
    await slack.bot.until(1);
    const [answer, ...more] = finalMessages(slack.api.calls);
    assert.equal(more.length, 0);
    assert.equal(answer!.via, 'response');
    assert.equal(answer!.private, true);
    assert.match(answer!.text, /SSH/);
    assert.equal(slack.api.calls.find((call) => call.method === 'response')?.args['replace_original'], false, 'the result message is not replaced');
    assert.equal(slack.api.succeeded('chat.postMessage').length, 0, 'nothing in the channel');
  } finally {
    await slack.stop();
  }
});

test('a final answer Slack refuses is replaced by a short plain note: no live Cancel button is left', { timeout: 30_000 }, async () => {
  const slack = await startSlack(
    () =>
      new ScriptedBot(async (_command, responder) => {
        await responder.progress({ ...privateProgress, visibility: 'channel' });
        await responder.final(reply());
      }),
  );
  try {
    slack.api.fail('chat.update', { error: 'invalid_blocks' });
    await sendSigned(slack.port, slashCommand('/scan', '127.0.0.1 22', finn, slack.api.responseUrl('r1')), form);
    await slack.bot.until(1);
    await slack.api.until((calls) => calls.filter((call) => call.method === 'chat.update').length >= 2);
    const last = slack.api.succeeded('chat.update').at(-1)!;
    assert.equal(last.args['text'], FALLBACK_NOTE);
    assert.deepEqual(last.args['blocks'] ?? [], []);
  } finally {
    await slack.stop();
  }
});

const lifetime = { lifetimeMs: 3000, uses: 5, moveBeforeMs: 2000 };

/** A long scan: progress, then the result only once the answer has moved (or the response_url is gone). */
function longScan(scene: { slack?: RunningSlack }, visibility: 'channel' | 'requester') {
  return new ScriptedBot(async (_command, responder: Responder) => {
    await responder.progress({ ...privateProgress, visibility });
    const { api } = scene.slack!;
    const moved = api.until((calls) => calls.some((call) => call.method === 'response' && /taking longer/.test(String(call.args['text']))));
    await Promise.race([moved, api.responseUrlExpiry('r1')]);
    await responder.final(reply({ visibility }));
  });
}

for (const [name, visibility, notInChannel] of [
  ['a private scan', 'requester', false],
  ['a channel scan where the bot may not post', 'channel', true],
] as const) {
  test(`${name} that outlives the response_url moves to a DM, and the person is told where`, { timeout: 30_000 }, async () => {
    const scene: { slack?: RunningSlack } = {};
    const slack = (scene.slack = await startSlack(() => longScan(scene, visibility), {}, 'http', { responseUrlLifetime: lifetime }));
    try {
      if (notInChannel) slack.api.fail('chat.postMessage', { error: 'not_in_channel' });
      await sendSigned(slack.port, slashCommand('/scan', `127.0.0.1 22${visibility === 'requester' ? ' private' : ''}`, finn, slack.api.responseUrl('r1')), form);
      await slack.bot.until(1);
      await slack.api.until((calls) => calls.some((call) => call.method === 'chat.update' && call.ok));
      const note = slack.api.calls.find((call) => call.method === 'response' && /taking longer/.test(String(call.args['text'])));
      assert.match(String(note?.args['text']), /continue in your direct messages with portbot/);
      const dm = `D${finn.userId}`;
      assert.equal(slack.api.succeeded('chat.postMessage').filter((call) => call.args['channel'] === dm).length, 1);
      const result = slack.api.succeeded('chat.update').at(-1)!;
      assert.equal(result.args['channel'], dm);
      assert.match(JSON.stringify(result.args['blocks']), /Scan of 127\.0\.0\.1/);
      assert.deepEqual(slack.api.calls.filter((call) => call.method === 'response' && !call.ok), [], 'nothing was sent on an expired response_url');
    } finally {
      await slack.stop();
    }
  });
}
