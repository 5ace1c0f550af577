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
