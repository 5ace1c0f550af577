// Socket Mode: the real Bolt SocketModeReceiver opens its connection through apps.connections.open
// on the Web API stand-in, then takes envelopes from the WebSocket stand-in and acks each one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { URLSearchParams } from 'node:url';
import { finalMessages } from './answers.js';
import { loopbackPorts, realBot, startSlack } from './harness.js';
import { mentionEvent, slashCommand } from './requests.js';

const dave = { userId: 'U0DAVE', channelId: 'C0SOCK' };

test('a slash command and a mention round-trip over Socket Mode', async () => {
  const slack = await startSlack(realBot, {}, 'socket');
  const ports = await loopbackPorts();
  try {
    assert.equal(slack.adapter.mode, 'socket');
    assert.equal(slack.api.succeeded('apps.connections.open').length, 1);
    const command = Object.fromEntries(new URLSearchParams(slashCommand('/scan', `127.0.0.1 ${ports.open}`, dave, slack.api.responseUrl('s1'))));
    const ack = await slack.socket!.send('slash_commands', command);
    assert.match(JSON.stringify(ack.payload ?? {}), /Working on/, 'acked with the ephemeral note');
    await slack.bot.until(1);
    const mentionAck = await slack.socket!.send('events_api', mentionEvent('<@UPORTBOT> /port 22', dave));
    assert.ok(mentionAck.envelope_id.length > 0);
    await slack.bot.until(2);
    const finals = finalMessages(slack.api.calls);
    assert.equal(finals.length, 2);
    assert.match(finals[0]?.text ?? '', new RegExp(`${ports.open}/tcp\\s+open`));
    assert.match(finals[1]?.text ?? '', /SSH/i);
  } finally {
    await ports.close();
    await slack.stop();
  }
});
