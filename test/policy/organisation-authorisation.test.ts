// Which organisation may scan: Discord guilds (PORTBOT_ALLOWED_GUILDS, DISCORD_GUILD_ID) and Slack
// workspaces (PORTBOT_ALLOWED_WORKSPACES, by default the bot token's own workspace), enforced
// whenever that platform is configured.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createScanPolicy } from '../../src/policy/scan-policy.js';
import type { Requester } from '../../src/policy/types.js';
import { config, tcp } from './helpers.js';

const decide = async (env: Record<string, string>, requester: Requester): Promise<string> => {
  const policy = createScanPolicy(config({ PORTBOT_ALLOWLIST: '10.0.0.0/24', ...env }), { loopbackWhenUnconfigured: false });
  const decision = await policy.authoriseScan(requester, '10.0.0.5', tcp(22));
  if (decision.ok) decision.value.release();
  return decision.ok ? 'allowed' : decision.error.message;
};

const inGuild = (guildId?: string): Requester => ({ platform: 'discord', userId: '42', channelId: '900', ...(guildId === undefined ? {} : { workspaceId: guildId }) });
const fromTeam = (teamId: string, botTeam?: string): Requester => ({ platform: 'slack', userId: 'U1', channelId: 'C1', workspaceId: teamId, ...(botTeam === undefined ? {} : { botWorkspaceId: botTeam }) });

test('Discord: only listed guilds and DISCORD_GUILD_ID may scan; elsewhere the line names the setting', async () => {
  const discord = { DISCORD_TOKEN: 'x' };
  assert.match(await decide(discord, inGuild('111')), /add its id \(111\) to PORTBOT_ALLOWED_GUILDS/, 'nothing listed: nowhere');
  assert.equal(await decide({ ...discord, PORTBOT_ALLOWED_GUILDS: '111,222' }, inGuild('222')), 'allowed');
  assert.match(await decide({ ...discord, PORTBOT_ALLOWED_GUILDS: '111' }, inGuild('333')), /PORTBOT_ALLOWED_GUILDS/);
  assert.equal(await decide({ ...discord, DISCORD_GUILD_ID: '444' }, inGuild('444')), 'allowed');
  assert.match(await decide({ ...discord, PORTBOT_ALLOWED_GUILDS: '111' }, inGuild()), /not in direct messages/);
});

test('Slack: the bot token’s own workspace by default, PORTBOT_ALLOWED_WORKSPACES when set', async () => {
  const slack = { SLACK_BOT_TOKEN: 'xoxb-x' };
  assert.equal(await decide(slack, fromTeam('T1', 'T1')), 'allowed');
  assert.match(await decide(slack, fromTeam('T2', 'T1')), /your Slack workspace \(T2\).*PORTBOT_ALLOWED_WORKSPACES/);
  assert.match(await decide(slack, fromTeam('T1')), /PORTBOT_ALLOWED_WORKSPACES/, 'no known home workspace: nobody');
  assert.equal(await decide({ ...slack, PORTBOT_ALLOWED_WORKSPACES: 'T2,T3' }, fromTeam('T2', 'T1')), 'allowed');
  assert.match(await decide({ ...slack, PORTBOT_ALLOWED_WORKSPACES: 'T2' }, fromTeam('T1', 'T1')), /PORTBOT_ALLOWED_WORKSPACES/, 'a list replaces the default');
});

test('an unconfigured platform adds no organisation check (the console, the CLI, tests of other rules)', async () => {
  assert.equal(await decide({}, inGuild('111')), 'allowed');
  assert.equal(await decide({}, fromTeam('T9')), 'allowed');
  assert.equal(await decide({ DISCORD_TOKEN: 'x', SLACK_BOT_TOKEN: 'y' }, { platform: 'console', userId: 'me' }), 'allowed');
});
