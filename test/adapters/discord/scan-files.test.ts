// The /scan "file" option on Discord, end to end: real discord.js against the stand-in, the real
// bot and scanner on loopback. The XML or CSV file rides in the answer's multipart body, and the
// bytes the stand-in received are what nmap's readers accept (xmllint with Debian's nmap.dtd,
// python3-libnmap) or Python's csv module reads. When Discord refuses the files (over the
// guild's upload limit), the answer goes out without them and says so.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { createBot } from '../../../src/commands/bot.js';
import { loadConfig } from '../../../src/config.js';
import { TONE_COLOUR } from '../../../adapters/discord/render.js';
import { testService } from '../../scan/test-service.js';
import { memoryAudit } from '../../commands/fake-chat.js';
import { csvReaderSkipReason, documentFile, readWithLibnmap, readWithPythonCsv, xmlReadersSkipReason, xmllintValidate } from '../../report/document-readers.js';
import { callsFor, startDiscord, visibleAnswers, visibleText, type Running } from './harness.js';
import { slashCommand, stringOption } from './payloads.js';
import type { RecordedCall } from './stand-in-rest.js';

const person = { userId: '4300000000000000007' };
const FILE_NAME = /^portbot-127\.0\.0\.1-[a-z0-9]+\.(xml|csv)$/;

let listener: Server;
let open: number;
before(async () => {
  listener = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  open = (listener.address() as AddressInfo).port;
});
after(() => new Promise<void>((resolve) => listener.close(() => resolve())));

const finals = (calls: readonly RecordedCall[]): RecordedCall[] => visibleAnswers(calls).filter((call) => call.body.embeds?.[0]?.color !== TONE_COLOUR.progress);

async function scan(file: string, setUp: (running: Running) => void = () => undefined): Promise<{ calls: RecordedCall[]; final: RecordedCall }> {
  const config = loadConfig({ PORTBOT_ALLOWLIST: '127.0.0.0/8', PORTBOT_SCANS_PER_MINUTE: '1000' });
  const bot = createBot({ config, service: testService(config), audit: memoryAudit() });
  const running = await startDiscord(bot);
  setUp(running);
  try {
    const interaction = slashCommand(running.standIn.ids, person, 'scan', [stringOption('target', '127.0.0.1'), stringOption('ports', String(open)), stringOption('file', file)]);
    running.standIn.gateway.dispatch('INTERACTION_CREATE', interaction);
    await running.bot.until(1);
    const calls = callsFor(running.standIn.calls, interaction.token);
    const [final, ...extra] = finals(calls);
    assert.equal(extra.length, 0, 'one final answer');
    return { calls, final: final! };
  } finally {
    await running.stop();
    await bot.shutdown();
  }
}

test('file: xml attaches nmap XML that xmllint (nmap.dtd) and python3-libnmap read; the Rescan button keeps "xml"', { skip: xmlReadersSkipReason(), timeout: 60_000 }, async () => {
  const { final } = await scan('xml');
  const [file, ...more] = final.files;
  assert.equal(more.length, 0);
  assert.match(file!.name, FILE_NAME);
  const path = documentFile(file!.text, 'xml');
  const valid = xmllintValidate(path);
  assert.equal(valid.code, 0, valid.stderr);
  const read = readWithLibnmap(path);
  assert.deepEqual(read.hosts[0]!.ports.map((port) => [port.port, port.state, port.reason]), [[open, 'open', 'syn-ack']]);
  assert.ok(visibleText(final.body).includes(`The XML document is attached as ${file!.name}`), visibleText(final.body));
  const rescan = (final.body.components ?? []).flatMap((row) => row.components).find((button) => button.label === 'Rescan');
  assert.match(rescan?.custom_id ?? '', new RegExp(`/scan 127\\.0\\.0\\.1 ${open} xml$`));
});

test('file: csv attaches one row per port that Python’s csv module reads', { skip: csvReaderSkipReason(), timeout: 60_000 }, async () => {
  const { final } = await scan('csv');
  const [file] = final.files;
  assert.match(file!.name, FILE_NAME);
  const rows = readWithPythonCsv(documentFile(file!.text, 'csv'));
  assert.deepEqual(rows, [
    ['address', 'target', 'port', 'protocol', 'state', 'reason', 'service', 'detected'],
    ['127.0.0.1', '127.0.0.1', String(open), 'tcp', 'open', 'syn-ack', '', ''],
  ]);
});

test('files Discord refuses (over the upload limit: 413, 40005) are dropped and the answer says why', { timeout: 60_000 }, async () => {
  // The adapter keeps under 10 MiB by itself; a server that takes less is met with Discord's refusal.
  const { calls, final } = await scan('xml', (running) => (running.standIn.rest.uploadLimitBytes = 100));
  const refused = calls.filter((call) => call.status === 413);
  assert.equal(refused.length, 1, 'Discord refused the message with its file once');
  assert.equal(refused[0]!.files.length, 1);
  assert.deepEqual(final.files, []);
  const text = visibleText(final.body);
  assert.match(text, /The XML document could not be attached: Discord refused the files as too large for this server; the same file comes from "portbot scan 127\.0\.0\.1 \d+ --xml" on portbot's host\./);
  assert.match(text, new RegExp(`${open}/tcp\\s+open`));
});
