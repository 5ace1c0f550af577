// "/scan 127.0.0.1 <ports> xml" on Slack, end to end: real Bolt against the Web API stand-in, the
// real bot and scanner on loopback. The file travels through files.uploadV2 into the answer's
// thread (or the requester's DM), and the bytes the stand-in received are what nmap's readers
// accept: xmllint with Debian's nmap.dtd, python3-libnmap, Python's csv module. Without the
// files:write scope the answer says so instead.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { csvReaderSkipReason, documentFile, readWithLibnmap, readWithPythonCsv, xmlReadersSkipReason, xmllintValidate } from '../../report/document-readers.js';
import { finalMessages } from './answers.js';
import { loopbackPorts, realBot, startSlack } from './harness.js';
import { sendSigned, slashCommand } from './requests.js';

const form = 'application/x-www-form-urlencoded';
const dana = { userId: 'U0DANA', channelId: 'C0OPS' };
const FILE_NAME = /^portbot-127\.0\.0\.1-[a-z0-9]+\.(xml|csv)$/;

let ports: Awaited<ReturnType<typeof loopbackPorts>>;
before(async () => {
  ports = await loopbackPorts();
});
after(() => ports.close());

test('"xml" in a channel scan: nmap XML in the answer’s thread that xmllint (nmap.dtd) and python3-libnmap read; Rescan keeps the word', { skip: xmlReadersSkipReason(), timeout: 60_000 }, async () => {
  const slack = await startSlack(realBot);
  try {
    await sendSigned(slack.port, slashCommand('/scan', `127.0.0.1 ${ports.open},${ports.closed} xml`, dana, slack.api.responseUrl('r1')), form);
    await slack.bot.until(1);
    const [upload, ...more] = slack.api.uploads;
    assert.equal(more.length, 0, 'one file: the answer is not cut, so no JSON goes along');
    assert.match(upload!.filename, FILE_NAME);
    assert.equal(upload!.bytes.length, upload!.declaredLength, 'the length declared to getUploadURLExternal is the bytes uploaded');
    const complete = slack.api.succeeded('files.completeUploadExternal')[0]!;
    assert.equal(complete.args['channel_id'], dana.channelId);
    assert.equal(complete.args['thread_ts'], slack.api.succeeded('chat.postMessage')[0]?.args['ts'] ?? '1700000000.000001', 'in the thread of the answer');

    const file = documentFile(upload!.bytes.toString('utf8'), 'xml');
    const valid = xmllintValidate(file);
    assert.equal(valid.code, 0, valid.stderr);
    const read = readWithLibnmap(file);
    assert.equal(read.scanner, 'portbot');
    const states = Object.fromEntries(read.hosts[0]!.ports.map((port) => [port.port, port.state]));
    assert.equal(states[ports.open], 'open');

    const answer = finalMessages(slack.api.calls).at(-1)!;
    assert.ok(answer.text.includes(`The XML document is attached as ${upload!.filename}`), answer.text);
    assert.match(answer.text, /in this message’s thread/);
    const rescan = (answer.blocks.find((block) => block['type'] === 'actions')?.['elements'] as { value: string; text: { text: string } }[]).find((button) => button.text.text === 'Rescan');
    assert.equal(rescan?.value, `/scan 127.0.0.1 ${ports.open},${ports.closed} xml`);
  } finally {
    await slack.stop();
  }
});

test('"--csv" in a private scan: the CSV goes to the requester’s DM, never the channel, and Python’s csv module reads every port', { skip: csvReaderSkipReason(), timeout: 60_000 }, async () => {
  const slack = await startSlack(realBot);
  try {
    await sendSigned(slack.port, slashCommand('/scan', `127.0.0.1 --csv ${ports.open},${ports.closed} private`, dana, slack.api.responseUrl('r1')), form);
    await slack.bot.until(1);
    assert.equal(slack.api.succeeded('files.completeUploadExternal')[0]?.args['channel_id'], `D${dana.userId}`);
    const [upload] = slack.api.uploads;
    assert.match(upload!.filename, FILE_NAME);
    const rows = readWithPythonCsv(documentFile(upload!.bytes.toString('utf8'), 'csv'));
    assert.deepEqual(rows[0], ['address', 'target', 'port', 'protocol', 'state', 'reason', 'service', 'detected']);
    const byPort = new Map(rows.slice(1).map((row) => [Number(row[2]), row]));
    assert.deepEqual(byPort.get(ports.open)?.slice(0, 6), ['127.0.0.1', '127.0.0.1', String(ports.open), 'tcp', 'open', 'syn-ack']);
    assert.deepEqual(byPort.get(ports.closed)?.slice(0, 6), ['127.0.0.1', '127.0.0.1', String(ports.closed), 'tcp', 'closed', 'conn-refused']);
    const answer = finalMessages(slack.api.calls).at(-1)!;
    assert.equal(answer.private, true);
    assert.match(answer.text, /The CSV document is attached as portbot-127\.0\.0\.1-\S+\.csv \(\d+ bytes\) in your direct messages with portbot\./);
  } finally {
    await slack.stop();
  }
});

test('without the files:write scope the upload is refused, and the answer says why and how to get the file', { timeout: 60_000 }, async () => {
  const slack = await startSlack(realBot, {}, 'http', { missingScopes: ['files:write'] });
  try {
    await sendSigned(slack.port, slashCommand('/scan', `127.0.0.1 ${ports.open} xml`, dana, slack.api.responseUrl('r1')), form);
    await slack.bot.until(1);
    await slack.api.until(() => finalMessages(slack.api.calls).some((message) => message.text.includes('could not be attached')));
    const refused = slack.api.calls.filter((call) => call.method === 'files.getUploadURLExternal');
    assert.equal(refused.length, 1);
    assert.equal(refused[0]!.ok, false);
    assert.equal(slack.api.uploads.length, 0);
    const answer = finalMessages(slack.api.calls).at(-1)!;
    assert.equal(answer.via, 'chat.update', 'the posted answer is corrected in place, not posted twice');
    assert.match(answer.text, /The XML document could not be attached: the Slack app lacks the files:write scope .*; the same file comes from "portbot scan 127\.0\.0\.1 \d+ --xml" on portbot's host\./);
    assert.doesNotMatch(answer.text, /in this message’s thread/);
    assert.match(answer.text, new RegExp(`${ports.open}/tcp\\s+open`), 'the scan result itself is all there');
  } finally {
    await slack.stop();
  }
});

test('the stand-in refuses what Slack refuses: no length, a snippet over 1 MB, a file id it never issued', async () => {
  const slack = await startSlack(realBot);
  try {
    const call = async (method: string, args: Record<string, string>): Promise<unknown> => {
      const response = await fetch(`${slack.api.apiUrl}${method}`, { method: 'POST', headers: { 'content-type': form }, body: new URLSearchParams(args).toString() });
      return ((await response.json()) as { error?: unknown }).error;
    };
    assert.equal(await call('files.getUploadURLExternal', { filename: 'a.xml', length: '0' }), 'missing_argument');
    assert.equal(await call('files.getUploadURLExternal', { filename: 'a.json', length: String(2 * 1024 * 1024), snippet_type: 'json' }), 'snippet_too_large');
    assert.equal(await call('files.getUploadURLExternal', { filename: 'a.xml', length: String(2 * 1024 * 1024) }), undefined, 'a plain file of 2 MB is fine');
    assert.equal(await call('files.completeUploadExternal', { files: JSON.stringify([{ id: 'F999' }]), channel_id: 'C1' }), 'file_not_found');
  } finally {
    await slack.stop();
  }
});
