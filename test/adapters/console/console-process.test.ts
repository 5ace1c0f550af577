// The console chat as a newcomer meets it: the real process with no tokens, commands piped in.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closedPort, openPort, type Listener } from '../../commands/loopback.js';
import { runCli, startCli } from '../../cli/run-cli.js';

let listener: Listener;
let closed: number;
before(async () => {
  listener = await openPort();
  closed = await closedPort();
});
after(() => listener.close());

test('with no tokens, `portbot` opens the console: every piped line answered in order, then exit 0', async () => {
  const input = ['help', '/port 22', `/scan 127.0.0.1 ${listener.port},${closed}`, 'what is port 3389 for?', '/scan 10.1.2.3 22', 'hello', ''].join('\n');
  const run = await runCli([], {}, input);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, '');
  assert.ok(!run.stdout.includes('\u001b'), 'no colour or cursor codes when stdout is not a terminal');
  assert.doesNotMatch(run.stdout, /portbot>/, 'no prompt when piped');
  const order = ['portbot help', '22', `Scan of 127.0.0.1`, '3389', 'Scan refused', "Can't read that command"];
  let from = 0;
  for (const expected of order) {
    const index = run.stdout.indexOf(expected, from);
    assert.ok(index >= from, `"${expected}" answered after the previous command:\n${run.stdout}`);
    from = index;
  }
  assert.match(run.stdout, new RegExp(`${listener.port}/tcp\\s+open\\s+\\S+\\s+syn-ack`));
});

test('`portbot console` scans loopback only unless PORTBOT_ALLOWLIST says otherwise, and stops at exit', async () => {
  const run = await runCli(['console'], { SLACK_BOT_TOKEN: 'xoxb-not-used' }, '/scan 10.1.2.3 22\nexit\n/port 22\n');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^Scan refused$/m);
  assert.doesNotMatch(run.stdout, /SSH/i, 'nothing after exit is run');
});

test('a piped script: seven scans in a row are all answered (the console is not metered), several targets come back in the order typed', async () => {
  const scans = Array.from({ length: 7 }, () => `/scan 127.0.0.1 ${listener.port}`);
  const run = await runCli(['console'], {}, [...scans, `/scan 127.0.0.2 localhost ${listener.port},${closed}`].join('\n'));
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout.match(/^Scan of 127\.0\.0\.1$/gm)?.length, 7, run.stdout);
  assert.doesNotMatch(run.stdout, /Scan refused|PORTBOT_SCANS_PER_MINUTE/);
  const hosts = run.stdout.slice(run.stdout.indexOf('Scan of 2 hosts'));
  // localhost is resolved after the literal address is checked; the answer still follows the typing.
  assert.match(hosts, /Hosts\n {4}127\.0\.0\.2 is up \([\d.]+ ms latency\): 0 open, 2 closed\n {4}localhost \([\d.:]+\) is up \([\d.]+ ms latency\): \d open/);
  const table = hosts.slice(hosts.indexOf('HOST'));
  assert.ok(table.indexOf('127.0.0.2 ') < table.indexOf('localhost ('), `the table lists hosts in the order typed:\n${table}`);
});

test('a piped script gets whole lines and no escape codes; a typo is a did-you-mean, a typed mention is understood', async () => {
  const run = await runCli(['console'], { COLUMNS: '40' }, '/port shh\n@portbot what is port 22 for?\n');
  assert.equal(run.code, 0, run.stderr);
  assert.ok(!run.stdout.includes('\u001b'));
  assert.match(run.stdout, /^Did you mean "ssh"\?\n {2}No port or topic called "shh"\.\n\n {2}next: \/port ssh$/m);
  assert.match(run.stdout, /^Port 22 \(TCP\): Secure Shell \(SSH\)$/m);
  assert.match(run.stdout, /^ {4}Encrypted, but on the internet .* restrict who may connect\.$/m, 'no wrapping without a terminal');
});

test('SIGTERM during a scan: the scan is cancelled, still answered, and the process exits 0', async () => {
  const cli = startCli(['console'], { PORTBOT_LOG_LEVEL: 'debug' });
  cli.child.stdin?.write('/scan 127.0.0.1 1-65535\n');
  await cli.waitForStderr('scan started');
  cli.child.kill('SIGTERM');
  const run = await cli.done;
  assert.equal(run.code, 0);
  assert.match(run.stdout, /Scan of 127\.0\.0\.1 \(cancelled\)/);
});

test('a reader that leaves early (`portbot console | head`) ends the chat quietly, with no stack trace', async () => {
  const cli = startCli(['console']);
  // Each answer is a few hundred bytes: 400 of them overflow the pipe once nobody reads it.
  cli.child.stdin?.end(`${'/port 23\n'.repeat(400)}exit\n`);
  cli.child.stdout?.once('data', () => cli.child.stdout?.destroy());
  const run = await cli.done;
  assert.equal(run.code, 0, run.stderr);
  assert.doesNotMatch(run.stderr, /EPIPE|\n\s+at /);
});
