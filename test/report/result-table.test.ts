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
