// A result cut to fit Block Kit goes out whole as a JSON file through files.uploadV2's three steps:
// in the answer's thread for a channel answer, in the requester's DM for a private one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSlack } from './harness.js';
import { sendSigned, slashCommand } from './requests.js';
import { reply, ScriptedBot } from './scripted-bot.js';
import type { ReplyRow } from '../../../src/report/reply.js';

const form = 'application/x-www-form-urlencoded';
const carol = { userId: 'U0CAROL', channelId: 'C0LAB' };
const manyRows: ReplyRow[] = Array.from({ length: 5000 }, (_, index) => ({ port: `${index + 1}/tcp`, state: 'open', service: 'unknown', reason: 'syn-ack' }));
const big = (visibility: 'channel' | 'requester') => reply({ visibility, rows: manyRows, attachment: { filename: 'portbot-scan.json', json: { ports: manyRows.length } } });

test('a cut channel answer attaches the full JSON in its thread', async () => {
  const slack = await startSlack(() => new ScriptedBot((_command, responder) => responder.final(big('channel'))));
  try {
    await sendSigned(slack.port, slashCommand('/scan', '127.0.0.1 all', carol, slack.api.responseUrl('r1')), form);
    await slack.bot.until(1);
    const steps = slack.api.succeeded().map((call) => call.method).filter((method) => method.startsWith('files.') || method === 'upload');
    assert.deepEqual(steps, ['files.getUploadURLExternal', 'upload', 'files.completeUploadExternal']);
    const complete = slack.api.succeeded('files.completeUploadExternal')[0];
    assert.equal(complete?.args['channel_id'], carol.channelId);
    assert.equal(complete?.args['thread_ts'], '1700000000.000001', 'in the thread of the posted answer');
    const uploaded = slack.api.succeeded('upload')[0];
    // The upload is a multipart body; the JSON document travels inside it verbatim.
    assert.match(String(uploaded?.args['content']), /"ports": 5000/);
  } finally {
    await slack.stop();
  }
});

test('a cut private answer attaches the JSON in the requester’s DM, never the channel', async () => {
  const slack = await startSlack(() => new ScriptedBot((_command, responder) => responder.final(big('requester'))));
  try {
    await sendSigned(slack.port, slashCommand('/scan', '127.0.0.1 all private', carol, slack.api.responseUrl('r1')), form);
    await slack.bot.until(1);
    assert.equal(slack.api.succeeded('conversations.open')[0]?.args['users'], carol.userId);
    assert.equal(slack.api.succeeded('files.completeUploadExternal')[0]?.args['channel_id'], `D${carol.userId}`);
    assert.equal(slack.api.succeeded('chat.postMessage').length, 0);
  } finally {
    await slack.stop();
  }
});

test('the JSON of a cut scan answer keeps every host’s status and what was detected on its ports', async () => {
  const { scanReply } = await import('../../../src/report/scan-reply.js');
  const detected = { name: 'redis', product: 'Redis', version: '7.0.15', findings: [{ code: 'no-auth' as const, service: 'redis', product: 'Redis' }] };
  const ports = Array.from({ length: 3000 }, (_, index) => ({ port: index + 1, protocol: 'tcp' as const, state: 'open' as const, reason: 'syn-ack' as const, service: null, rttMs: 0.2 }));
  const hostReport = { target: 'db-1', address: '10.0.0.7', status: { state: 'up' as const, reason: 'syn-ack' as const, latencyMs: 0.31 }, ports: [{ ...ports[0]!, port: 6379, detected }, ...ports.slice(1)], summary: { open: 3000 } };
  const answer = scanReply({ hosts: [hostReport], durationMs: 900, cancelled: false }, { command: '/scan db-1 all', visibility: 'channel' });
  const slack = await startSlack(() => new ScriptedBot((_command, responder) => responder.final(answer)));
  try {
    await sendSigned(slack.port, slashCommand('/scan', 'db-1 all', carol, slack.api.responseUrl('r1')), form);
    await slack.bot.until(1);
    const content = String(slack.api.succeeded('upload')[0]?.args['content']);
    const json = JSON.parse(content.slice(content.indexOf('{'), content.lastIndexOf('}') + 1)) as { hosts: { status: unknown; ports: { port: number; detected?: unknown }[] }[] };
    assert.deepEqual(json.hosts[0]?.status, { state: 'up', reason: 'syn-ack', latencyMs: 0.31 });
    assert.deepEqual(json.hosts[0]?.ports.find((port) => port.port === 6379)?.detected, detected);
  } finally {
    await slack.stop();
  }
});
