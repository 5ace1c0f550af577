// bin/portbot.js as users run it: the bundle in dist/bundle/, not the compiled tree the other
// CLI tests spawn. A scan of 5,000 ports takes the worker-thread path, so the thread's own bundle
// and the URL it is found by are exercised too.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { openPort, type Listener } from '../commands/loopback.js';

const BIN = fileURLToPath(new URL('../../../bin/portbot.js', import.meta.url));

interface BinRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runBin(args: readonly string[], input = ''): Promise<BinRun> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/root' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

let listener: Listener;
before(async () => {
  listener = await openPort();
});
after(() => listener.close());

test('the bundled CLI scans 5,000 ports with its scanner thread and finds the listener', async () => {
  const from = Math.max(1, Math.min(listener.port - 2500, 65535 - 4999));
  const run = await runBin(['scan', '127.0.0.1', `${from}-${from + 4999}`, '--json']);
  assert.equal(run.code, 0, run.stderr);
  const document = JSON.parse(run.stdout) as { hosts: { ports: { port: number; state: string }[] }[] };
  const ports = document.hosts[0]?.ports ?? [];
  assert.equal(ports.length, 5000);
  // Other programs on this machine may listen in the range too; ours must be among the open ones.
  assert.ok(ports.some((port) => port.port === listener.port && port.state === 'open'));
});

test('the bundled CLI explains ports and runs the console chat', async () => {
  const explained = await runBin(['port', '3389']);
  assert.equal(explained.code, 0, explained.stderr);
  assert.match(explained.stdout, /^Port 3389 \(TCP/);
  const chat = await runBin(['console'], '/port 23\nexit\n');
  assert.equal(chat.code, 0, chat.stderr);
  assert.match(chat.stdout, /Telnet/);
});
