// ./.env as every entry point reads it (src/env-file.ts): Node's own reader, the environment wins,
// no file is fine, and a line Node would silently skip is named (never echoed) in one line.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { envFileProblem } from '../src/env-file.js';
import { runInFreshDir } from './run-in-fresh-dir.js';

const BIN = fileURLToPath(new URL('../../bin/portbot.js', import.meta.url));

test('lines Node reads quietly wrong are named by number: junk, "export", a quote that never closes', () => {
  assert.equal(envFileProblem('# comment\n\nA=1\nB="two\nlines"\nC=\'x\' # note\n'), undefined);
  assert.equal(envFileProblem('\uFEFFA=1\r\nB=2\r\n'), undefined);
  assert.equal(envFileProblem('A=1\nSLACK_BOT_TOKEN xoxb-secret\n'), 'line 2 is not of the form NAME=value (for example DISCORD_TOKEN=...)');
  assert.match(envFileProblem('export A=1\n') ?? '', /^line 1: drop the word "export"/);
  assert.equal(envFileProblem('A="never closed\nB=2\n'), 'line 1: the value of A opens a quote (") that is never closed');
});

const runBin = (args: readonly string[], dotEnv: string | undefined, env: Record<string, string> = {}) =>
  runInFreshDir(BIN, args, { env, ...(dotEnv === undefined ? {} : { dotEnv }) });

test('bin/portbot.js reads ./.env through the same reader: values apply, the environment wins, a bad line stops it in one line', { timeout: 30_000 }, async () => {
  const fromFile = await runBin(['scan', '127.0.0.1', '1'], 'PORTBOT_MAX_PORTS_PER_SCAN=lots\n');
  assert.equal(fromFile.code, 2);
  assert.match(fromFile.stderr, /PORTBOT_MAX_PORTS_PER_SCAN/, 'the value from .env was read');
  const overridden = await runBin(['port', '22'], 'PORTBOT_MAX_PORTS_PER_SCAN=lots\n', { PORTBOT_MAX_PORTS_PER_SCAN: '100' });
  assert.equal(overridden.code, 0, overridden.stderr);
  const broken = await runBin(['port', '22'], 'DISCORD_TOKEN secret-token\n');
  assert.equal(broken.code, 2);
  assert.equal(broken.stderr, 'portbot: .env line 1 is not of the form NAME=value (for example DISCORD_TOKEN=...)\n');
  const none = await runBin(['port', '22'], undefined);
  assert.equal(none.code, 0, none.stderr);
});
