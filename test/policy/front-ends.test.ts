// The target contract through both front ends: the real CLI process (`portbot scan`, which has
// no chat command parser in front of it) and the chat router with the real policy and scanner.
// Every target here is on loopback: a wrong reading would scan 127.0.0.2, never another host.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Reply } from '../../src/report/reply.js';
import { parseCommand } from '../../src/commands/parse-command.js';
import { loadConfig } from '../../src/config.js';
import { createScanPolicy } from '../../src/policy/scan-policy.js';
import { botSetup } from '../commands/bot-setup.js';
import { closedPort } from '../commands/loopback.js';
import { lines, runCli } from '../cli/run-cli.js';
import { FakeResolver } from './helpers.js';

let closed: number;
before(async () => {
  closed = await closedPort();
});

const allowOne = { PORTBOT_ALLOWLIST: '127.0.0.2' };

const oneLine = (stderr: string): string => {
  assert.equal(lines(stderr).length, 1, `one line on stderr, got:\n${stderr}`);
  assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
  return stderr.trim();
};

test('portbot scan refuses forms with two readings: exit 2, one line saying what to write, nothing scanned', async () => {
  const cases: Record<string, RegExp> = {
    '127.0.0.2#127.0.0.1': /has '#' in it.*give the host alone \(127\.0\.0\.2\)/,
    '127.0.0.2?x': /has '\?' in it/,
    '127.0.0.2\\127.0.0.1': /has '\\' in it/,
    '127.0.0.2/anything/32': /has more than one '\/'/,
    '127.0.0.2/32/8': /has more than one '\/'/,
    '127.0.0.2\ufe0f': /contains U\+FE0F, a control or invisible character/,
    '127.0.0.2\u{e0100}': /contains U\+E0100/,
    // JavaScript's \s counts U+FEFF as a space: a split on it would have dropped it.
    '127.0.0.2\ufeff': /contains U\+FEFF/,
    'http:127.0.0.2': /looks like a URL \(http:\): give the host alone \(127\.0\.0\.2\)/,
    '127.0.0.2:': /has a ':' but no port after it/,
    ':8080': /is a port without a host/,
  };
  for (const [target, message] of Object.entries(cases)) {
    const run = await runCli(['scan', target, String(closed), '--json'], allowOne);
    assert.equal(run.code, 2, `${JSON.stringify(target)}: exit ${run.code}, ${run.stderr}`);
    assert.equal(run.stdout, '', `${JSON.stringify(target)}: nothing scanned`);
    const line = oneLine(run.stderr);
    assert.match(line, message, JSON.stringify(target));
    assert.doesNotMatch(line, /\ufe0f|\ufeff|\u{e0100}/u, 'invisible characters are never echoed raw');
  }
});

test('a bad allowlist or denylist rule exits 2 on every command, naming the variable', async () => {
  for (const env of [{ PORTBOT_ALLOWLIST: '10.0.0.0/33' }, { PORTBOT_ALLOWLIST: '127.0.0.1', PORTBOT_DENYLIST: 'web-1#x' }, { PORTBOT_ALLOWLIST: 'web\ufe0f-1' }]) {
    const variable = Object.keys(env).at(-1)!;
    for (const args of [['scan', '127.0.0.1', String(closed)], ['port', '22'], ['console'], []]) {
      const run = await runCli(args, { ...env, PORTBOT_LOG_LEVEL: 'silent' }, '');
      assert.equal(run.code, 2, `${args.join(' ') || '(start)'} with ${JSON.stringify(env)}: exit ${run.code}, ${run.stderr}`);
      assert.match(oneLine(run.stderr), new RegExp(`^portbot: invalid configuration: ${variable}: `));
      assert.doesNotMatch(run.stderr, /\ufe0f/);
    }
  }
});

test('chat: the same forms get the same one-line answers before any scan starts', () => {
  const cases: Record<string, RegExp> = {
    '/scan 10.20.30.40#127.0.0.1 22': /^Can't scan: "10\.20\.30\.40#127\.0\.0\.1" has '#' in it, .*\(10\.20\.30\.40\).*\. Example: \/scan web-1 22,80,443$/,
    '/scan 10.20.30.40/anything/32 22': /has more than one '\/'/,
    '/scan 10.20.30.40/32/8': /has more than one '\/'/,
    '/scan 10.0.0.1\ufe0f 22': /contains U\+FE0F, a control or invisible character/,
    '/scan web\u034f-1 22': /contains U\+034F/,
    '/scan \u3164 22': /contains U\+3164/,
    '/scan 127.0.0.1\ufeff 22': /contains U\+FEFF/,
    '/scan \ufeff127.0.0.1': /contains U\+FEFF/,
    '/scan http:127.0.0.1': /looks like a URL \(http:\)/,
    '/scan :8080': /is a port without a host/,
  };
  for (const [text, message] of Object.entries(cases)) {
    const parsed = parseCommand(text);
    assert.ok(!parsed.ok, `${JSON.stringify(text)} must not parse`);
    assert.equal(parsed.error.code, 'invalid-target');
    assert.match(parsed.error.message, message, JSON.stringify(text));
    assert.doesNotMatch(parsed.error.message, /\ufe0f|\u034f|\u3164|\ufeff/, 'never echoed raw');
  }
});

const only = (finals: readonly Reply[]): Reply => {
  assert.equal(finals.length, 1);
  return finals[0]!;
};

test('chat: a name scanned on its first address lists the others in the answer', async () => {
  const config = loadConfig({ PORTBOT_ALLOWLIST: '127.0.0.0/8' });
  const policy = createScanPolicy(config, { loopbackWhenUnconfigured: false, resolver: new FakeResolver({ 'multi.test': [['127.0.0.1', '127.0.0.2', '::ffff:127.0.0.3']] }) });
  const { chat } = botSetup({ PORTBOT_ALLOWLIST: '127.0.0.0/8' }, { policy });
  const reply = only((await chat.ask(`/scan multi.test ${closed}`)).finals);
  assert.equal(reply.title, 'Scan of multi.test');
  assert.ok(reply.notes.includes('Other addresses for multi.test (not scanned): 127.0.0.2, 127.0.0.3'), reply.notes.join('\n'));
});
