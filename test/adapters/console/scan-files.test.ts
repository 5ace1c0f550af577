// "/scan 127.0.0.1 <port> csv" in the console: no uploads in a terminal, so the real console
// adapter saves the file (from the CLI's writers) to its directory and the answer names the path;
// the CSV is read back with Python's csv module; a failed write is a line in the answer.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { createConsoleAdapter } from '../../../adapters/console/index.js';
import { createBot } from '../../../src/commands/bot.js';
import type { Bot } from '../../../src/commands/types.js';
import { loadConfig } from '../../../src/config.js';
import { memoryAudit } from '../../commands/fake-chat.js';
import { csvReaderSkipReason, readWithPythonCsv, xmlReadersSkipReason, xmllintValidate } from '../../report/document-readers.js';
import { testService } from '../../scan/test-service.js';

async function consoleSession(lines: readonly string[], filesDir: string): Promise<string> {
  const config = loadConfig({ PORTBOT_ALLOWLIST: '127.0.0.1', PORTBOT_SCANS_PER_MINUTE: '1000' });
  const bot: Bot = createBot({ config, service: testService(config), audit: memoryAudit() });
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString()));
  const quit = new Promise<void>((resolve) => {
    const adapter = createConsoleAdapter({ input, output, interactive: false, colour: false, filesDir, onQuit: resolve });
    void adapter.start(bot);
  });
  input.end(lines.map((line) => `${line}\n`).join(''));
  await quit;
  await bot.shutdown();
  await new Promise((resolve) => setImmediate(resolve));
  return written;
}

test('csv in a console scan: saved to a file whose path the answer prints, which Python’s csv module reads', { skip: csvReaderSkipReason(), timeout: 60_000 }, async () => {
  const listener = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const open = (listener.address() as AddressInfo).port;
  const dir = mkdtempSync(join(tmpdir(), 'portbot-console-files-'));
  try {
    const text = await consoleSession([`/scan 127.0.0.1 ${open} csv`], dir);
    const [name, ...others] = readdirSync(dir);
    assert.equal(others.length, 0);
    assert.match(name!, /^portbot-127\.0\.0\.1-[a-z0-9]+\.csv$/);
    assert.ok(text.includes(`The CSV document (`) && text.includes(`was saved to ${join(dir, name!)}`), text);
    assert.doesNotMatch(text, /address,target,port/, 'the document is not dumped into the chat');
    const rows = readWithPythonCsv(join(dir, name!));
    assert.deepEqual(rows[1], ['127.0.0.1', '127.0.0.1', String(open), 'tcp', 'open', 'syn-ack', '', '']);
    assert.match(text, new RegExp(`next: /scan 127\\.0\\.0\\.1 ${open} csv`), 'the rescan hint keeps the word');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await new Promise<void>((resolve) => listener.close(() => resolve()));
  }
});

test('xml in a console scan is valid against nmap.dtd; when the file cannot be written, the answer still comes and says why', { skip: xmlReadersSkipReason(), timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'portbot-console-files-'));
  try {
    const first = await consoleSession(['/scan 127.0.0.1 1 xml'], dir);
    const [name] = readdirSync(dir);
    assert.ok(first.includes(`was saved to ${join(dir, name!)}`), first);
    const valid = xmllintValidate(join(dir, name!));
    assert.equal(valid.code, 0, valid.stderr);
    // A directory portbot may not write to stands in for any failure: the answer still comes, with the reason.
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'not a directory');
    const second = await consoleSession(['/scan 127.0.0.1 1 xml'], blocked);
    assert.match(second, /The XML document could not be saved to .*blocked\/portbot-127\.0\.0\.1-\S+\.xml: ENOTDIR; the same file comes from "portbot scan 127\.0\.0\.1 1 --xml"/);
    assert.match(second, /1\/tcp\s+closed/);
    assert.equal(readFileSync(blocked, 'utf8'), 'not a directory');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
