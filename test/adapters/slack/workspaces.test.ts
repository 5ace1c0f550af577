// Slack Connect brings people of other organisations into a channel, and they can run slash
// commands. Through real Bolt and the real bot: /scan from another workspace is refused with a line
// naming PORTBOT_ALLOWED_WORKSPACES (default: the workspace of the bot's token, from auth.test);
// /port still answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { finalMessages } from './answers.js';
import { loopbackPorts, realBot, startSlack } from './harness.js';
import { mentionEvent, sendSigned, slashCommand } from './requests.js';

const form = 'application/x-www-form-urlencoded';
const guest = { userId: 'U0GUEST', channelId: 'C0SHARED' };

/** A slash command as Slack sends it for a person of another workspace (`user_team`). */
const fromTeam = (body: string, team: string): string => {
  const fields = new URLSearchParams(body);
  fields.set('user_team', team);
  return fields.toString();
};

test('a /scan from another workspace is refused privately, naming PORTBOT_ALLOWED_WORKSPACES; /port answers', { timeout: 30_000 }, async () => {
  const slack = await startSlack(realBot);
  const ports = await loopbackPorts();
  try {
    await sendSigned(slack.port, fromTeam(slashCommand('/scan', `127.0.0.1 ${ports.open}`, guest, slack.api.responseUrl('r1')), 'T0OTHER'), form);
    await slack.bot.until(1);
    const [refusal, ...more] = finalMessages(slack.api.calls);
    assert.equal(more.length, 0);
    assert.equal(refusal!.private, true);
    assert.match(refusal!.text, /your Slack workspace \(T0OTHER\).*PORTBOT_ALLOWED_WORKSPACES/);
    assert.equal(slack.api.succeeded('chat.postMessage').length, 0, 'nothing scanned, nothing in the channel');

    const event = mentionEvent('<@UPORTBOT> scan 127.0.0.1', guest);
    await sendSigned(slack.port, JSON.stringify({ ...event, event: { ...(event['event'] as object), user_team: 'T0OTHER' } }), 'application/json');
    await slack.bot.until(2);
    assert.match(finalMessages(slack.api.calls).at(-1)!.text, /PORTBOT_ALLOWED_WORKSPACES/, 'a mention from a guest is refused the same way');

    await sendSigned(slack.port, fromTeam(slashCommand('/port', '22', guest, slack.api.responseUrl('r3')), 'T0OTHER'), form);
    await slack.bot.until(3);
    assert.match(finalMessages(slack.api.calls).at(-1)!.text, /SSH/);
  } finally {
    await ports.close();
    await slack.stop();
  }
});

test('PORTBOT_ALLOWED_WORKSPACES lets a listed workspace scan, and replaces the default', { timeout: 30_000 }, async () => {
  const slack = await startSlack(realBot, { PORTBOT_ALLOWED_WORKSPACES: 'T0OTHER' });
  const ports = await loopbackPorts();
  try {
    await sendSigned(slack.port, fromTeam(slashCommand('/scan', `127.0.0.1 ${ports.open}`, guest, slack.api.responseUrl('r1')), 'T0OTHER'), form);
    await slack.bot.until(1);
    assert.match(finalMessages(slack.api.calls)[0]!.text, new RegExp(`${ports.open}/tcp\\s+open`));
    await sendSigned(slack.port, slashCommand('/scan', `127.0.0.1 ${ports.open}`, guest, slack.api.responseUrl('r2')), form);
    await slack.bot.until(2);
    assert.match(finalMessages(slack.api.calls).at(-1)!.text, /T0TEAM.*PORTBOT_ALLOWED_WORKSPACES/, 'the token’s own workspace is no longer implied');
  } finally {
    await ports.close();
    await slack.stop();
  }
});
