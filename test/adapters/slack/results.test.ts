// How a scan result reaches Slack, through real Bolt against the stand-in: the table keeps its
// HOST column, every block's text is counted (the stand-in refuses long messages as Slack does, and
// portbot then sends fewer rows), channel results say who asked, and a cut result's JSON goes where
// the answer can point to.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanReply } from '../../../src/report/scan-reply.js';
import { host, port, report } from '../../report/fixtures.js';
import { blockText, finalMessages } from './answers.js';
import { startSlack } from './harness.js';
import { sendSigned, slashCommand } from './requests.js';
import { ScriptedBot } from './scripted-bot.js';
import type { PortResult } from '../../../src/scanner/types.js';

const form = 'application/x-www-form-urlencoded';
const erin = { userId: 'U0ERIN', channelId: 'C0NET' };
const options = { command: '/scan web-1,web-2 22', visibility: 'channel' } as const;

/** `count` open ports on one host: nothing to fold, every one a row. */
const openPorts = (count: number): PortResult[] => Array.from({ length: count }, (_, index) => port(index + 1, 'open', 'tcp', null));

const totalBlockText = (blocks: readonly Record<string, unknown>[]): number =>
  blocks.reduce((sum, block) => sum + JSON.stringify(block).match(/"text":"((?:[^"\\]|\\.)*)"/g)!.reduce((inner, match) => inner + (JSON.parse(match.slice(7)) as string).length, 0), 0);

test('two hosts with the same port: the Slack table has a HOST column, so the rows differ', { timeout: 30_000 }, async () => {
  const twoHosts = scanReply(report([host('web-1', '10.0.0.5', [port(22, 'open', 'tcp', 'ssh')]), host('web-2', '10.0.0.6', [port(22, 'open', 'tcp', 'ssh')])]), options);
  const slack = await startSlack(() => new ScriptedBot((_command, responder) => responder.final(twoHosts)));
  try {
    await sendSigned(slack.port, slashCommand('/scan', 'web-1,web-2 22', erin, slack.api.responseUrl('r1')), form);
    await slack.bot.until(1);
    const [answer] = finalMessages(slack.api.calls);
    const table = answer!.blocks.map(blockText).find((text) => text.startsWith('```'))!;
    assert.match(table, /^HOST\s+PORT\s+STATE\s+SERVICE\s+REASON$/m);
    assert.match(table, /^web-1 \(10\.0\.0\.5\)\s+22\/tcp\s+open\s+ssh\s+syn-ack$/m);
    assert.match(table, /^web-2 \(10\.0\.0\.6\)\s+22\/tcp\s+open\s+ssh\s+syn-ack$/m);
  } finally {
    await slack.stop();
  }
});

test('a 2,000-row result stays under 10,000 characters of block text, the "Showing N of M" line included, and Slack takes it', { timeout: 30_000 }, async () => {
  const big = scanReply(report([host('web-1', '10.0.0.5', openPorts(2000))]), options);
  const slack = await startSlack(() => new ScriptedBot((_command, responder) => responder.final(big)));
  try {
    await sendSigned(slack.port, slashCommand('/scan', 'web-1 1-2000', erin, slack.api.responseUrl('r1')), form);
    await slack.bot.until(1);
    const posts = slack.api.calls.filter((call) => call.method === 'chat.postMessage');
    assert.deepEqual(posts.map((call) => call.ok), [true], 'accepted at the first try (the stand-in refuses past 11,300)');
    const blocks = posts[0]!.args['blocks'] as Record<string, unknown>[];
    assert.ok(totalBlockText(blocks) <= 10_000, `${totalBlockText(blocks)} characters`);
    assert.match(blocks.map(blockText).join('\n'), /Showing [\d,]+ of 2,000 ports; the full result is attached as a JSON file in this message’s thread\./);
  } finally {
    await slack.stop();
  }
});

test('when Slack answers msg_blocks_too_long, the answer is sent again with fewer rows', { timeout: 30_000 }, async () => {
  const big = scanReply(report([host('web-1', '10.0.0.5', openPorts(2000))]), options);
  const slack = await startSlack(() => new ScriptedBot((_command, responder) => responder.final(big)), {}, 'http', { blockTextLimit: 5000 });
  try {
    await sendSigned(slack.port, slashCommand('/scan', 'web-1 1-2000', erin, slack.api.responseUrl('r1')), form);
    await slack.bot.until(1);
    const posts = slack.api.calls.filter((call) => call.method === 'chat.postMessage');
    assert.equal(posts[0]!.ok, false, 'the first message was refused as too long');
    assert.equal(posts.at(-1)!.ok, true, 'a shorter one was taken');
    assert.ok(posts.filter((call) => call.ok).length === 1, 'one answer in the channel');
    const shown = (posts.at(-1)!.args['blocks'] as Record<string, unknown>[]).map(blockText).join('\n');
    assert.match(shown, /Showing [\d,]+ of 2,000 ports/);
  } finally {
    await slack.stop();
  }
});

test('a channel result says who asked for it', { timeout: 30_000 }, async () => {
  const one = scanReply(report([host('web-1', '10.0.0.5', [port(22, 'open', 'tcp', 'ssh')])]), options);
  const slack = await startSlack(() => new ScriptedBot((_command, responder) => responder.final(one)));
  try {
    await sendSigned(slack.port, slashCommand('/scan', 'web-1 22', erin, slack.api.responseUrl('r1')), form);
    await slack.bot.until(1);
    assert.match(finalMessages(slack.api.calls)[0]!.text, new RegExp(`Requested by <@${erin.userId}>`));
  } finally {
    await slack.stop();
  }
});

test('a cut result answered through the response_url (bot not in the channel) sends its JSON to the requester’s DM and says so', { timeout: 30_000 }, async () => {
  const big = scanReply(report([host('web-1', '10.0.0.5', openPorts(2000))]), options);
  const slack = await startSlack(() => new ScriptedBot((_command, responder) => responder.final(big)));
  try {
    slack.api.fail('chat.postMessage', { error: 'not_in_channel' });
    await sendSigned(slack.port, slashCommand('/scan', 'web-1 1-2000', erin, slack.api.responseUrl('r1')), form);
    await slack.bot.until(1);
    const [answer] = finalMessages(slack.api.calls);
    assert.equal(answer!.via, 'response');
    assert.match(answer!.text, /the full result was sent as a JSON file by direct message to whoever asked/);
    assert.equal(slack.api.succeeded('files.completeUploadExternal')[0]?.args['channel_id'], `D${erin.userId}`);

    // Where even the DM upload fails, the answer says how to get the whole result instead of promising a file.
    slack.api.fail('chat.postMessage', { error: 'not_in_channel' });
    slack.api.fail('files.getUploadURLExternal', { error: 'not_allowed_token_type' });
    await sendSigned(slack.port, slashCommand('/scan', 'web-1 1-2000', erin, slack.api.responseUrl('r2')), form);
    await slack.bot.until(2);
    const second = finalMessages(slack.api.calls).filter((message) => message.via === 'response').at(-1)!;
    assert.match(second.text, /could not be attached here: the operator can run `portbot scan <target> --json`/);
  } finally {
    await slack.stop();
  }
});
