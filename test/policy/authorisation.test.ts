// Scanning rights by platform ids: users or roles say who, channels say where.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createScanPolicy } from '../../src/policy/scan-policy.js';
import type { Requester } from '../../src/policy/types.js';
import { config, slackUser, tcp } from './helpers.js';

const codeFor = async (env: Record<string, string>, requester: Requester): Promise<string> => {
  const policy = createScanPolicy(config({ PORTBOT_ALLOWLIST: '10.0.0.0/24', ...env }), { loopbackWhenUnconfigured: false });
  const decision = await policy.authoriseScan(requester, '10.0.0.5', tcp(22));
  if (decision.ok) decision.value.release();
  return decision.ok ? 'allowed' : decision.error.code;
};

const discord = (userId: string, roleIds: string[] = [], channelId = '900'): Requester => ({ platform: 'discord', userId, workspaceId: 'G1', channelId, roleIds });

test('with no lists set, everyone who can reach the bot may scan', async () => {
  assert.equal(await codeFor({}, slackUser('U9')), 'allowed');
});

test('allowed users are matched by id', async () => {
  const env = { PORTBOT_ALLOWED_USERS: 'U1,123456789012345678' };
  assert.equal(await codeFor(env, slackUser('U1')), 'allowed');
  assert.equal(await codeFor(env, discord('123456789012345678')), 'allowed');
  assert.equal(await codeFor(env, slackUser('u1')), 'not-authorised');
  const policy = createScanPolicy(config({ PORTBOT_ALLOWLIST: '10.0.0.0/24', ...env }), { loopbackWhenUnconfigured: false });
  const refused = await policy.authoriseScan(slackUser('U2'), '10.0.0.5', tcp(22));
  assert.match(!refused.ok ? refused.error.message : '', /ask the operator to add your user id \(U2\) to PORTBOT_ALLOWED_USERS/);
});

test('a Discord role admits its members; users and roles each admit on their own', async () => {
  const env = { PORTBOT_ALLOWED_USERS: 'U1', PORTBOT_ALLOWED_ROLES: '555' };
  assert.equal(await codeFor(env, discord('42', ['111', '555'])), 'allowed');
  assert.equal(await codeFor(env, discord('42', ['111'])), 'not-authorised');
  assert.equal(await codeFor(env, slackUser('U1')), 'allowed');
  // Slack has no roles: only the user list can admit a Slack user.
  assert.equal(await codeFor({ PORTBOT_ALLOWED_ROLES: '555' }, slackUser('U1')), 'not-authorised');
});

test('allowed channels restrict where, on top of who', async () => {
  const env = { PORTBOT_ALLOWED_CHANNELS: 'C0001,900', PORTBOT_ALLOWED_USERS: 'U1' };
  assert.equal(await codeFor(env, slackUser('U1')), 'allowed');
  assert.equal(await codeFor(env, slackUser('U1', { channelId: 'C0002' })), 'not-authorised');
  assert.equal(await codeFor(env, slackUser('U2')), 'not-authorised');
  assert.equal(await codeFor({ PORTBOT_ALLOWED_CHANNELS: '900' }, { platform: 'discord', userId: '42' }), 'not-authorised');
});

test('the console and CLI run as whoever started them: the chat lists do not apply', async () => {
  const env = { PORTBOT_ALLOWED_USERS: 'U1', PORTBOT_ALLOWED_CHANNELS: 'C1' };
  assert.equal(await codeFor(env, { platform: 'cli', userId: 'root' }), 'allowed');
  assert.equal(await codeFor(env, { platform: 'console', userId: 'root' }), 'allowed');
});

test('authorisation is checked before any target is looked at', async () => {
  assert.equal(await codeFor({ PORTBOT_ALLOWED_USERS: 'U1' }, slackUser('U2')), 'not-authorised');
  const policy = createScanPolicy(config({ PORTBOT_ALLOWLIST: '10.0.0.0/24', PORTBOT_ALLOWED_USERS: 'U1' }), { loopbackWhenUnconfigured: false });
  const decision = await policy.authoriseScan(slackUser('U2'), 'not a target!', tcp(22));
  assert.equal(!decision.ok && decision.error.code, 'not-authorised');
});
