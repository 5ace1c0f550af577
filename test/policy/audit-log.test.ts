// The audit line: one JSON document per command with the fields an operator asks about, and no
// credential in it whatever the caller passed.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import type { AuditEntry } from '../../src/policy/audit.js';
import { createAuditLog } from '../../src/policy/audit-log.js';
import { config } from './helpers.js';

class Captured extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter((line) => line.length > 0));
    done();
  }
}

const secrets = {
  SLACK_BOT_TOKEN: 'xoxb-1111-2222-abcdefABCDEF',
  SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5',
  SLACK_APP_TOKEN: 'xapp-1-A111-222-abcdef',
  DISCORD_TOKEN: 'MTA4NzY1NDMyMTA5ODc2NTQzMg.GhIjKl.abcdefghijklmnopqrstuvwxyz0123',
};

const scanEntry: AuditEntry = {
  requester: { platform: 'slack', userId: 'U0001', workspaceId: 'T0001', channelId: 'C0001' },
  command: 'scan',
  text: '/scan web-1 22,80',
  targets: ['web-1'],
  addresses: ['10.0.0.5'],
  ports: '22,80',
  decision: 'allowed',
  durationMs: 1234,
  summary: { open: 1, closed: 1 },
};

test('one JSON line per command with who, where, what, the decision and the outcome', () => {
  const sink = new Captured();
  const audit = createAuditLog(config(), sink);
  audit.record(scanEntry);
  audit.record({ requester: { platform: 'discord', userId: '42', workspaceId: 'G1', channelId: '900' }, command: 'scan', text: 'scan 10.9.9.9', decision: 'refused', reason: 'target-not-allowed: 10.9.9.9 is not on the allowlist', durationMs: 3 });
  assert.equal(sink.lines.length, 2);
  const line = JSON.parse(sink.lines[0]!);
  assert.match(String(line.time), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.deepEqual(
    { ...line, time: undefined },
    {
      time: undefined,
      level: 'info',
      log: 'audit',
      platform: 'slack',
      workspace: 'T0001',
      channel: 'C0001',
      user: 'U0001',
      command: 'scan',
      text: '/scan web-1 22,80',
      targets: ['web-1'],
      addresses: ['10.0.0.5'],
      ports: '22,80',
      decision: 'allowed',
      durationMs: 1234,
      summary: { open: 1, closed: 1 },
      msg: 'scan allowed',
    },
  );
  const refused = JSON.parse(sink.lines[1]!);
  assert.equal(refused.decision, 'refused');
  assert.equal(refused.reason, 'target-not-allowed: 10.9.9.9 is not on the allowlist');
});

test('tokens, signing secrets, response_urls and interaction tokens never reach the line', () => {
  const sink = new Captured();
  const audit = createAuditLog(config(secrets), sink);
  const interactionToken = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OmFiY2RlZmdoaWprbG1ub3A';
  const responseUrl = 'https://hooks.slack.com/commands/T0001/1234567890/AbCdEfGhIjKlMnOp';
  const requester = {
    platform: 'slack' as const,
    userId: 'U0001',
    // Fields an adapter might carelessly pass along with the requester.
    token: secrets.SLACK_BOT_TOKEN,
    response_url: responseUrl,
    interactionToken,
  };
  audit.record({
    requester,
    command: 'scan',
    text: `scan web-1 ${secrets.SLACK_BOT_TOKEN} xoxp-9-8-7-zzz ${responseUrl} ${secrets.SLACK_SIGNING_SECRET} ${secrets.SLACK_APP_TOKEN}`,
    targets: [`https://discord.com/api/v10/webhooks/1234/${interactionToken}`, secrets.DISCORD_TOKEN],
    decision: 'failed',
    reason: `request to https://discord.com/api/v10/interactions/1234/${interactionToken}/callback failed; token ${secrets.DISCORD_TOKEN}`,
    durationMs: 5,
  });
  const [text] = sink.lines;
  assert.ok(text);
  for (const secret of [...Object.values(secrets), interactionToken, responseUrl, 'hooks.slack.com', 'xoxp-9-8-7-zzz', '/webhooks/1234/', '/interactions/1234/']) {
    assert.ok(!text.includes(secret), `${secret} leaked into ${text}`);
  }
  const line = JSON.parse(text);
  assert.equal(line.text, 'scan web-1 [redacted] [redacted] [redacted] [redacted] [redacted]');
  assert.equal(line.user, 'U0001');
});

test('PORTBOT_AUDIT_LOG appends to a file, creating its folder, with every line written at once', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'portbot-policy-audit-'));
  try {
    const file = join(folder, 'logs', 'audit.jsonl');
    createAuditLog(config({ PORTBOT_AUDIT_LOG: file })).record(scanEntry);
    createAuditLog(config({ PORTBOT_AUDIT_LOG: file })).record({ ...scanEntry, decision: 'cancelled' });
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    assert.deepEqual(
      lines.map((line) => (JSON.parse(line) as { decision: string }).decision),
      ['allowed', 'cancelled'],
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
