// `portbot scan` must not pay for the chat SDKs: Bolt and discord.js are CommonJS, so whether
// they were loaded shows in the CommonJS module cache of this (per-file) test process.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { loadAdapters } from '../../adapters/registry.js';
import { runCli } from '../../src/cli/index.js';

const loaded = (name: string): boolean => Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes(`/node_modules/${name}/`));
const sink = (): Writable => new Writable({ write: (_chunk, _encoding, done) => done() });

test('scan and port run without loading Bolt, discord.js or pino; starting Slack loads Bolt', async () => {
  const streams = { stdout: sink(), stderr: sink() };
  assert.equal(await runCli(['port', '22'], { loadAdapters, env: {}, streams }), 0);
  assert.equal(await runCli(['scan', '127.0.0.1', '1'], { loadAdapters, env: {}, streams }), 0);
  assert.equal(loaded('@slack/bolt'), false);
  assert.equal(loaded('discord.js'), false);
  assert.equal(loaded('pino'), false, 'a silent scan or port lookup needs no logger');

  // The control: the same check does see Bolt once the Slack adapter is imported.
  await import('../../adapters/slack/index.js');
  assert.equal(loaded('@slack/bolt'), true);
});
