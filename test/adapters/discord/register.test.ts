// Command registration: one bulk overwrite (PUT) of exactly the commands portbot handles, to a
// guild or globally, through discord.js's REST against the stand-in; the CLI's one-line errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { PermissionFlagsBits } from 'discord.js';
import { loadConfig } from '../../../src/config.js';
import { registerCommands } from '../../../adapters/discord/register.js';
import { runInFreshDir } from '../../run-in-fresh-dir.js';
import { DiscordStandIn } from './stand-in.js';

const CLI = new URL('../../../adapters/discord/register-cli.js', import.meta.url);

interface CommandJson {
  readonly name: string;
  readonly default_member_permissions?: string | null;
  readonly options: readonly { readonly name: string; readonly type: number; readonly required?: boolean; readonly autocomplete?: boolean }[];
}

/** `npm run discord:register` in a fresh directory, with only the variables (and ./.env) given. */
const runCli = (env: Record<string, string>, options: { readonly dotEnv?: string; readonly args?: readonly string[] } = {}) =>
  runInFreshDir(CLI.pathname, options.args ?? [], { env, ...(options.dotEnv === undefined ? {} : { dotEnv: options.dotEnv }) });

test('with DISCORD_GUILD_ID the commands are bulk-overwritten in that guild, with their options and autocomplete', { timeout: 30_000 }, async () => {
  const standIn = await DiscordStandIn.start();
  try {
    const config = loadConfig({ DISCORD_TOKEN: 'stand-in-token', DISCORD_APPLICATION_ID: standIn.ids.applicationId, DISCORD_GUILD_ID: standIn.ids.guildId, DISCORD_API_URL: standIn.apiUrl });
    const result = await registerCommands(config);
    assert.deepEqual(result, { ok: true, value: { scope: 'guild', names: ['scan', 'port', 'ping', 'history', 'diff', 'watch'], cleared: [], leftovers: [] } });
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
        ['services', 5, false, false],
        ['all-hosts', 5, false, false],
        ['file', 3, false, false],
      ],
    );
    assert.deepEqual(byName.get('ping')?.options.map((option) => [option.name, option.type, option.required ?? false]), [['target', 3, true], ['private', 5, false]]);
    assert.equal(byName.get('ping')?.default_member_permissions, '0', 'a ping sends packets like a scan: hidden until granted');
    assert.deepEqual(byName.get('port')?.options.map((option) => [option.name, option.type, option.required, option.autocomplete]), [['query', 3, true, true]]);
    // Server admins decide who sees /scan (Server Settings > Integrations); /port is for everyone.
    assert.equal(byName.get('scan')?.default_member_permissions, '0');
    assert.equal(byName.get('port')?.default_member_permissions ?? null, null);
    // /diff suggests the ids of the target's recent scans; /history is for whoever sees the channel.
    assert.deepEqual(byName.get('history')?.options.map((option) => [option.name, option.type, option.required, option.autocomplete ?? false]), [['target', 3, true, false]]);
    assert.deepEqual(
      byName.get('diff')?.options.map((option) => [option.name, option.type, option.required ?? false, option.autocomplete ?? false]),
      [
        ['target', 3, false, false],
        ['from', 3, false, true],
        ['to', 3, false, true],
      ],
    );
    assert.equal(byName.get('history')?.default_member_permissions ?? null, null);
    assert.equal(byName.get('watch')?.default_member_permissions, '0', 'a watch scans as its creator later: hidden until granted, like /scan');
    assert.deepEqual(byName.get('watch')?.options.map((option) => option.name), ['add', 'list', 'stop']);
  } finally {
    await standIn.close();
  }
});

test('the CLI registers globally without DISCORD_GUILD_ID and says so in one line', { timeout: 30_000 }, async () => {
  const standIn = await DiscordStandIn.start();
  try {
    const outcome = await runCli({ DISCORD_TOKEN: 'stand-in-token', DISCORD_APPLICATION_ID: standIn.ids.applicationId, DISCORD_API_URL: standIn.apiUrl });
    assert.equal(outcome.code, 0, outcome.stderr);
    assert.equal(outcome.stdout, 'discord:register: registered /scan, /port, /ping, /history, /diff, /watch globally (every server the bot is in)\n');
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

test('the CLI reads ./.env like `npm start` does; a bad line is named in one line, its content never echoed', { timeout: 30_000 }, async () => {
  const standIn = await DiscordStandIn.start();
  try {
    const dotEnv = `# portbot\nDISCORD_TOKEN=stand-in-token\nDISCORD_APPLICATION_ID=${standIn.ids.applicationId}\nDISCORD_API_URL=${standIn.apiUrl}\n`;
    const fromFile = await runCli({}, { dotEnv });
    assert.equal(fromFile.code, 0, fromFile.stderr);
    assert.match(fromFile.stdout, /registered \/scan, \/port, \/ping, \/history, \/diff, \/watch globally/);

    const broken = await runCli({}, { dotEnv: 'DISCORD_APPLICATION_ID=1\nDISCORD_TOKEN secret-token-value\n' });
    assert.equal(broken.code, 2);
    assert.equal(broken.stderr, 'discord:register: .env line 2 is not of the form NAME=value (for example DISCORD_TOKEN=...)\n');
    const exported = await runCli({}, { dotEnv: 'export DISCORD_TOKEN=x\n' });
    assert.match(exported.stderr, /^discord:register: \.env line 1: drop the word "export"/);
    assert.equal(standIn.calls.filter((call) => call.method === 'PUT').length, 1, 'nothing is registered from a broken file');
  } finally {
    await standIn.close();
  }
});

test('registering globally offers to clear a test guild’s own commands, and --clear-guild does it', { timeout: 30_000 }, async () => {
  const standIn = await DiscordStandIn.start();
  try {
    const base = { DISCORD_TOKEN: 'stand-in-token', DISCORD_APPLICATION_ID: standIn.ids.applicationId, DISCORD_API_URL: standIn.apiUrl };
    const guildId = standIn.ids.guildId;
    assert.equal((await runCli({ ...base, DISCORD_GUILD_ID: guildId })).code, 0, 'first, a test registration to one guild');

    const global = await runCli({ ...base, PORTBOT_ALLOWED_GUILDS: guildId });
    assert.equal(global.code, 0, global.stderr);
    assert.match(global.stdout, new RegExp(`guild ${guildId} still has its own /scan, /port, /ping, /history, /diff, /watch .*run \`npm run discord:register -- --clear-guild ${guildId}\``));

    const cleared = await runCli({ ...base, PORTBOT_ALLOWED_GUILDS: guildId }, { args: ['--clear-guild', guildId] });
    assert.equal(cleared.code, 0, cleared.stderr);
    assert.match(cleared.stdout, new RegExp(`removed the commands registered to guild ${guildId} alone`));
    assert.doesNotMatch(cleared.stdout, /still has its own/);
    assert.deepEqual(standIn.rest.commands.get(guildId), []);
    assert.deepEqual(standIn.rest.commands.get('global')?.map((command) => command['name']), ['scan', 'port', 'ping', 'history', 'diff', 'watch']);

    const contradictory = await runCli({ ...base, DISCORD_GUILD_ID: guildId }, { args: ['--clear-guild', guildId] });
    assert.equal(contradictory.code, 2);
    assert.match(contradictory.stderr, /^discord:register: --clear-guild goes with a global registration/);
  } finally {
    await standIn.close();
  }
});

test('the README’s invite link asks for exactly the permissions portbot uses, Send Messages in Threads included', () => {
  const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
  const P = PermissionFlagsBits;
  const needed = P.ViewChannel | P.SendMessages | P.SendMessagesInThreads | P.EmbedLinks | P.AttachFiles | P.ReadMessageHistory;
  const asked = [...readme.matchAll(/permissions=(\d+)/g)].map((match) => match[1]);
  assert.ok(asked.length > 0, 'the README has an invite link');
  assert.deepEqual([...new Set(asked)], [needed.toString()]);
  assert.match(readme, /Send Messages in Threads/);
});
