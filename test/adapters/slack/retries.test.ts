// Rate limits and outages of the Web API: a 429 is waited out (Retry-After) and retried, a 5xx on
// an idempotent update is retried, and neither ever produces a second post.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { finalMessages } from './answers.js';
import { startSlack } from './harness.js';
import { sendSigned, slashCommand } from './requests.js';
import { progressReply, reply, ScriptedBot } from './scripted-bot.js';

const form = 'application/x-www-form-urlencoded';
const bob = { userId: 'U0BOB', channelId: 'C0OPS' };

test('a 429 on chat.postMessage is retried after Retry-After and posts exactly once', async () => {
  const slack = await startSlack(() => new ScriptedBot((_command, responder) => responder.final(reply())));
  try {
    slack.api.fail('chat.postMessage', { status: 429, retryAfter: 1 });
    await sendSigned(slack.port, slashCommand('/scan', '127.0.0.1 22', bob, slack.api.responseUrl('r1')), form);
    await slack.bot.until(1);
    const attempts = slack.api.calls.filter((call) => call.method === 'chat.postMessage');
    assert.deepEqual(attempts.map((call) => call.status), [429, 200], 'one rate-limited attempt, one retry');
    assert.equal(finalMessages(slack.api.calls).length, 1);
  } finally {
    await slack.stop();
  }
});

test('progress then final share one message: a 5xx on chat.update is retried, nothing is posted twice', async () => {
  const slack = await startSlack(
    () =>
      new ScriptedBot(async (_command, responder) => {
        await responder.progress(progressReply);
        await responder.final(reply());
      }),
  );
  try {
    slack.api.fail('chat.update', { status: 503 });
    await sendSigned(slack.port, slashCommand('/scan', '127.0.0.1 22', bob, slack.api.responseUrl('r1')), form);
    await slack.bot.until(1);
    assert.equal(slack.api.succeeded('chat.postMessage').length, 1, 'the progress message is the only post');
    const updates = slack.api.calls.filter((call) => call.method === 'chat.update');
    assert.deepEqual(updates.map((call) => call.status), [503, 200]);
    assert.equal(updates[1]?.args['ts'], '1700000000.000001', 'the final answer replaced the progress message');
    assert.equal(finalMessages(slack.api.calls).length, 1);
  } finally {
    await slack.stop();
  }
});

test('a 5xx on a creating call is not retried blindly: Slack may already have posted it', async () => {
  const slack = await startSlack(() => new ScriptedBot((_command, responder) => responder.final(reply())));
  try {
    slack.api.fail('chat.postMessage', { status: 500 });
    await sendSigned(slack.port, slashCommand('/scan', '127.0.0.1 22', bob, slack.api.responseUrl('r1')), form);
    await slack.bot.until(1);
    assert.equal(slack.api.calls.filter((call) => call.method === 'chat.postMessage').length, 1);
  } finally {
    await slack.stop();
  }
});

test('a channel the bot has not joined still gets the answer, once, through the response_url', async () => {
  const slack = await startSlack(() => new ScriptedBot((_command, responder) => responder.final(reply())));
  try {
    slack.api.fail('chat.postMessage', { error: 'not_in_channel' });
    await sendSigned(slack.port, slashCommand('/scan', '127.0.0.1 22', bob, slack.api.responseUrl('r1')), form);
    await slack.bot.until(1);
    const finals = finalMessages(slack.api.calls);
    assert.equal(finals.length, 1);
    assert.equal(finals[0]?.via, 'response');
    assert.equal(finals[0]?.private, false, 'posted in_channel');
  } finally {
    await slack.stop();
  }
});

test('a bot that throws still leaves the requester exactly one (private) answer', async () => {
  const slack = await startSlack(() => new ScriptedBot(() => Promise.reject(new Error('core bug'))));
  try {
    await sendSigned(slack.port, slashCommand('/port', '22', bob, slack.api.responseUrl('r1')), form);
    await slack.bot.until(1);
    await slack.api.until((calls) => calls.some((call) => call.method === 'response'));
    const finals = finalMessages(slack.api.calls);
    assert.equal(finals.length, 1);
    assert.equal(finals[0]?.private, true);
    assert.doesNotMatch(finals[0]?.text ?? '', /core bug|Error:/, 'no internals leak to the user');
  } finally {
    await slack.stop();
  }
});
