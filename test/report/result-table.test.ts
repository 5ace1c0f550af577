// One table model for a result's ports: the columns and cells are decided in src/report, and the
// plain-text, console, Slack and Discord renderers all show those same columns, HOST included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plain } from '../../adapters/console/ansi.js';
import { renderReply as renderConsole } from '../../adapters/console/render.js';
import { renderReply as renderDiscord } from '../../adapters/discord/render.js';
import { ActionCodec } from '../../adapters/discord/render-actions.js';
import { renderReply as renderSlack } from '../../adapters/slack/render.js';
import { replyText } from '../../src/report/reply-text.js';
import { resultTable } from '../../src/report/result-table.js';
import { scanReply } from '../../src/report/scan-reply.js';
import { host, port, report } from './fixtures.js';

const twoHosts = scanReply(report([host('web-1', '10.0.0.5', [port(22, 'open', 'tcp', 'ssh')]), host('web-2', '10.0.0.6', [port(22, 'closed', 'tcp', 'ssh')])]), {
  command: '/scan web-1,web-2 22',
  visibility: 'channel',
});

test('the model: HOST only for several hosts, one cell per column, notes named by host and port', () => {
  const table = resultTable(twoHosts.rows);
  assert.deepEqual(table.columns.map((column) => column.title), ['HOST', 'PORT', 'STATE', 'SERVICE', 'REASON']);
  assert.deepEqual(table.rows.map((row) => row.cells), [
    ['web-1 (10.0.0.5)', '22/tcp', 'open', 'ssh', 'syn-ack'],
    ['web-2 (10.0.0.6)', '22/tcp', 'closed', 'ssh', 'conn-refused'],
  ]);
  assert.equal(table.rows[0]?.note?.subject, 'web-1 (10.0.0.5) 22/tcp ssh');
  assert.equal(table.rows[1]?.note, undefined, 'only open ports carry a note');
  const single = resultTable(twoHosts.rows.map(({ host: _host, ...row }) => row));
  assert.deepEqual(single.columns.map((column) => column.key), ['port', 'state', 'service', 'reason']);
});

test('every renderer shows the same columns and tells the two hosts apart', () => {
  const slackText = renderSlack(twoHosts).blocks.map((block) => JSON.stringify(block)).join('\n').replace(/\\n/g, '\n');
  const discordText = renderDiscord(twoHosts, new ActionCodec()).embeds[0]?.description ?? '';
  for (const [name, text] of [
    ['plain text', replyText(twoHosts)],
    ['console', renderConsole(twoHosts, plain)],
    ['slack', slackText],
    ['discord', discordText],
  ] as const) {
    assert.match(text, /HOST\s+PORT\s+STATE\s+SERVICE\s+REASON/, name);
    assert.match(text, /web-1 \(10\.0\.0\.5\)\s+22\/tcp\s+open\s+ssh\s+syn-ack/, name);
    assert.match(text, /web-2 \(10\.0\.0\.6\)\s+22\/tcp\s+closed\s+ssh\s+conn-refused/, name);
  }
});

test('every renderer shows VERSION and puts each finding beside its port, with its own risk mark', () => {
  const redis = { name: 'redis', product: 'Redis', version: '7.0.15', findings: [{ code: 'no-auth' as const, service: 'redis', product: 'Redis' }] };
  const ssh = { name: 'ssh', product: 'OpenSSH', version: '9.2p1', findings: [{ code: 'unexpected-service' as const, registered: 'https', found: 'ssh' }] };
  const detected = scanReply(report([host('db-1', '10.0.0.7', [{ ...port(6379, 'open', 'tcp', 'redis'), detected: redis }, { ...port(443, 'open', 'tcp', 'https'), detected: ssh }])]), {
    command: '/scan db-1',
    visibility: 'channel',
  });
  const discord = renderDiscord(detected, new ActionCodec()).embeds[0];
  const slack = renderSlack(detected).blocks.map((block) => JSON.stringify(block)).join('\n').replace(/\\n/g, '\n');
  const marked = 'Redis answers without authentication: anyone who reaches it can use it';
  const plainFinding = 'ssh on a port registered for https';
  for (const [name, table, risky, quiet] of [
    ['plain text', replyText(detected), `(!) ${marked}`, `- ${plainFinding}`],
    ['console', renderConsole(detected, plain), `! ${marked}`, `· ${plainFinding}`],
    ['slack', slack, `:warning: *6379/tcp redis*: ${marked}`, `:small_blue_diamond: *443/tcp ssh*: ${plainFinding}`],
    ['discord', `${discord?.description ?? ''}\n${discord?.fields?.map((field) => field.value).join('\n') ?? ''}`, `⚠️ **6379/tcp redis**: ${marked}`, `• **443/tcp ssh**: ${plainFinding}`],
  ] as const) {
    assert.match(table, /PORT\s+STATE\s+SERVICE\s+REASON\s+VERSION/, name);
    assert.match(table, /6379\/tcp\s+open\s+redis\s+syn-ack\s+Redis 7\.0\.15/, name);
    assert.ok(table.includes(risky), `${name}: ${table}`);
    assert.ok(table.includes(quiet), `${name}: ${table}`);
  }
});
