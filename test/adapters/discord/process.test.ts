// `npm start` with DISCORD_TOKEN set: the real CLI and composition root start the Discord adapter
// (and only it), answer a slash command through the stand-in, and exit cleanly on SIGTERM.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { callsFor, isOriginalEdit, visibleText } from './harness.js';
import { slashCommand, stringOption } from './payloads.js';
import { DiscordStandIn } from './stand-in.js';
import { testDataDir } from '../../cli/run-cli.js';

// The compiled CLI and adapter registry, found relative to this compiled test file.
const CLI = new URL('../../../src/cli/index.js', import.meta.url);
const REGISTRY = new URL('../../../adapters/registry.js', import.meta.url);
// What bin/portbot.js does, pointed at this build instead of dist/.
const ENTRY = `const { runCli } = await import(${JSON.stringify(CLI.href)});
const { loadAdapters } = await import(${JSON.stringify(REGISTRY.href)});
process.exitCode = await runCli([], { loadAdapters });`;

test('with DISCORD_TOKEN the bot process connects to Discord, answers /port 22, and exits 0 on SIGTERM', { timeout: 60_000 }, async () => {
  const standIn = await DiscordStandIn.start();
  const child = spawn(process.execPath, ['--input-type=module', '-e', ENTRY], {
    env: { PATH: process.env['PATH'] ?? '', DISCORD_TOKEN: 'stand-in-token', DISCORD_API_URL: standIn.apiUrl, PORTBOT_LOG_LEVEL: 'warn', PORTBOT_DATA_DIR: testDataDir() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
  try {
    if (standIn.gateway.identifies.length === 0) await once(standIn.gateway, 'ready');
    // The gateway is ready before discord.js has processed GUILD_CREATE; an interaction still
    // arrives in order after it, as on the real gateway.
    const command = slashCommand(standIn.ids, { userId: '4600000000000000001' }, 'port', [stringOption('query', '22')]);
    standIn.gateway.dispatch('INTERACTION_CREATE', command);
    await standIn.waitForCalls((calls) => callsFor(calls, command.token).some(isOriginalEdit));
    const edit = callsFor(standIn.calls, command.token).find(isOriginalEdit)!;
    assert.match(visibleText(edit.body), /ssh/i);

    child.kill('SIGTERM');
    const [code] = await exited;
    assert.equal(code, 0, stderr);
    assert.doesNotMatch(stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await standIn.close();
  }
});
