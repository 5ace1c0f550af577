// Command registration: one bulk overwrite (PUT) of exactly the commands portbot handles, to a
// guild or globally, through discord.js's REST against the stand-in; the CLI's one-line errors.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { loadConfig } from '../../../src/config.js';
import { registerCommands } from '../../../adapters/discord/register.js';
import { DiscordStandIn } from './stand-in.js';

const CLI = new URL('../../../adapters/discord/register-cli.js', import.meta.url);

interface CommandJson {
  readonly name: string;
  readonly options: readonly { readonly name: string; readonly type: number; readonly required?: boolean; readonly autocomplete?: boolean }[];
}

async function runCli(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // Only the variables given: the developer's own DISCORD_* settings must not leak into the test.
  const child = spawn(process.execPath, [CLI.pathname], { env: { PATH: process.env['PATH'] ?? '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

test('with DISCORD_GUILD_ID the commands are bulk-overwritten in that guild, with their options and autocomplete', { timeout: 30_000 }, async () => {
  const standIn = await DiscordStandIn.start();
  try {
    const config = loadConfig({ DISCORD_TOKEN: 'stand-in-token', DISCORD_APPLICATION_ID: standIn.ids.applicationId, DISCORD_GUILD_ID: standIn.ids.guildId, DISCORD_API_URL: standIn.apiUrl });
    const result = await registerCommands(config);
    assert.deepEqual(result, { ok: true, value: { scope: 'guild', names: ['scan', 'port'] } });
    const [put, ...others] = standIn.calls.filter((call) => call.method === 'PUT');
    assert.equal(others.length, 0, 'one bulk overwrite, not a call per command');
    assert.equal(put!.path, `/applications/${standIn.ids.applicationId}/guilds/${standIn.ids.guildId}/commands`);
    const commands = put!.json as CommandJson[];
    const byName = new Map(commands.map((command) => [command.name, command]));
    assert.deepEqual(
      byName.get('scan')?.options.map((option) => [option.name, option.type, option.required ?? false, option.autocomplete ?? false]),
      [
        ['target', 3, true, false],
        ['ports', 3, false, true],
        ['private', 5, false, false],
      ],
    );
    assert.deepEqual(byName.get('port')?.options.map((option) => [option.name, option.type, option.required, option.autocomplete]), [['query', 3, true, true]]);
  } finally {
    await standIn.close();
  }
});

test('the CLI registers globally without DISCORD_GUILD_ID and says so in one line', { timeout: 30_000 }, async () => {
  const standIn = await DiscordStandIn.start();
  try {
    const outcome = await runCli({ DISCORD_TOKEN: 'stand-in-token', DISCORD_APPLICATION_ID: standIn.ids.applicationId, DISCORD_API_URL: standIn.apiUrl });
    assert.equal(outcome.code, 0, outcome.stderr);
    assert.equal(outcome.stdout, 'discord:register: registered /scan, /port globally (every server the bot is in)\n');
    const puts = standIn.calls.filter((call) => call.method === 'PUT');
    assert.deepEqual(puts.map((call) => call.path), [`/applications/${standIn.ids.applicationId}/commands`]);
    assert.equal(standIn.calls.filter((call) => call.method === 'GET' && call.path === '/gateway/bot').length, 0, 'registration never opens the gateway');
  } finally {
    await standIn.close();
  }
});

test('the CLI names a missing setting in one line and exits 2, without calling anyone', { timeout: 30_000 }, async () => {
  const noToken = await runCli({ DISCORD_APPLICATION_ID: '1' });
  assert.equal(noToken.code, 2);
  assert.match(noToken.stderr, /^discord:register: DISCORD_TOKEN is not set: .+\n$/);
  const noApplication = await runCli({ DISCORD_TOKEN: 'x' });
  assert.equal(noApplication.code, 2);
  assert.match(noApplication.stderr, /^discord:register: DISCORD_APPLICATION_ID is not set: .+\n$/);
  const badUrl = await runCli({ DISCORD_TOKEN: 'x', DISCORD_APPLICATION_ID: '1', DISCORD_API_URL: 'not a url' });
  assert.equal(badUrl.code, 2);
  assert.match(badUrl.stderr, /^discord:register: .*DISCORD_API_URL.*\n$/);
});
