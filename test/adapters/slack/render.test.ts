// Block Kit output against Slack's limits, with a real full-range result built by the core's
// report code, and escaping of hostile text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanReply } from '../../../src/report/scan-reply.js';
import type { PortResult, ScanReport } from '../../../src/scanner/types.js';
import { renderReply, blockTextLength } from '../../../adapters/slack/render.js';
import { actionFromButton } from '../../../adapters/slack/render-actions.js';
import { plainMessageText, stripMentions } from '../../../adapters/slack/mentions.js';
import { slackLimits } from '../../../adapters/slack/limits.js';
import { blockText } from './answers.js';
import { reply } from './scripted-bot.js';

function fullRangeReport(): ScanReport {
  // Alternating states defeat nmap-style folding of one group: 32,768 open rows remain to show.
  const ports: PortResult[] = Array.from({ length: 65535 }, (_, index) => {
    const port = index + 1;
    return port % 2 === 1
      ? { port, protocol: 'tcp', state: 'open', reason: 'syn-ack', service: null, rttMs: 0.1 }
      : { port, protocol: 'tcp', state: 'filtered', reason: 'no-response', service: null, rttMs: null };
  });
  return { hosts: [{ target: '127.0.0.1', address: '127.0.0.1', ports, summary: { open: 32768, filtered: 32767 } }], durationMs: 4200, cancelled: false };
}

function assertWithinLimits(blocks: readonly Record<string, unknown>[]): void {
  assert.ok(blocks.length <= slackLimits.blocksPerMessage, `${blocks.length} blocks`);
  let total = 0;
  for (const block of blocks) {
    const length = blockTextLength(block as never);
    total += length;
    if (block['type'] === 'section') assert.ok(length <= slackLimits.sectionText, `section of ${length} chars`);
    if (block['type'] === 'header') assert.ok(length <= slackLimits.headerText);
    if (block['type'] === 'actions') assert.ok((block['elements'] as unknown[]).length <= slackLimits.actionsElements);
    if (block['type'] === 'context') assert.ok((block['elements'] as unknown[]).length <= slackLimits.contextElements);
  }
  assert.ok(total <= slackLimits.totalBlockText && slackLimits.totalBlockText <= 10_000, `${total} characters of block text, every block counted`);
}

test('a full 65,535-port result fits Block Kit, says what it left out, and keeps the JSON to attach', () => {
  const full = scanReply(fullRangeReport(), { command: '/scan 127.0.0.1 all', visibility: 'channel' });
  assert.ok(full.rows.length > 30000, 'the core leaves tens of thousands of rows to show');
  const message = renderReply(full);
  assertWithinLimits(message.blocks as unknown as Record<string, unknown>[]);
  assert.equal(message.cut, true);
  assert.ok(message.shownRows > 50 && message.shownRows < full.rows.length);
  const lastWords = message.blocks.map((block) => blockText(block as unknown as Record<string, unknown>)).join('\n');
  assert.match(lastWords, new RegExp(`Showing ${message.shownRows.toLocaleString('en-US')} of ${full.rows.length.toLocaleString('en-US')} ports`));
  assert.ok(message.text.length > 0 && message.text.length <= slackLimits.fallbackText, 'a short plain fallback');
  assert.ok(full.attachment !== undefined, 'the full result travels with the reply');
});

test('a small result is shown whole, with no cut line', () => {
  const message = renderReply(reply());
  assert.equal(message.cut, false);
  assert.equal(message.shownRows, 1);
  assert.doesNotMatch(JSON.stringify(message.blocks), /Showing/);
});

const hostile = '<!channel> <@U0ADMIN> <https://evil.example|click here> & ```';

test('hostile text cannot inject mentions, links or break out of the table', () => {
  const message = renderReply(
    reply({
      title: hostile,
      summary: hostile,
      folded: hostile,
      rows: [{ port: '22/tcp', state: 'open', service: hostile, reason: 'syn-ack', note: hostile, warning: true }],
      sections: [{ heading: hostile, text: hostile }],
      notes: [hostile],
      actions: [{ kind: 'explain', label: hostile, query: '22' }],
    }),
  );
  const texts = message.blocks.flatMap((block) => collectText(block as unknown as Record<string, unknown>, block.type));
  for (const { text, plain } of [...texts, { text: message.text, plain: false }]) {
    if (plain) continue; // plain_text (header, button labels) is never parsed for mentions or links
    assert.doesNotMatch(text, /<|>/, `unescaped angle bracket in ${text}`);
    assert.doesNotMatch(text, /&(?!amp;|lt;|gt;)/, `bare ampersand in ${text}`);
  }
  const table = texts.find(({ text }) => text.startsWith('```'));
  assert.equal(table?.text.match(/```/g)?.length, 2, 'backticks in a service name cannot close the code block');
  const mrkdwn = message.blocks.flatMap((block) => JSON.stringify(block).match(/"type":"mrkdwn"[^}]*/g) ?? []);
  assert.ok(mrkdwn.every((element) => element.includes('"verbatim":true')), 'Slack does not auto-link names or URLs');
});

function collectText(node: Record<string, unknown>, blockType: string): { text: string; plain: boolean }[] {
  const own = node['text'];
  const found: { text: string; plain: boolean }[] = [];
  if (typeof own === 'string') found.push({ text: own, plain: node['type'] === 'plain_text' });
  if (typeof own === 'object' && own !== null) found.push(...collectText(own as Record<string, unknown>, blockType));
  const elements = node['elements'];
  if (Array.isArray(elements)) for (const element of elements) found.push(...collectText(element as Record<string, unknown>, blockType));
  return found;
}

test('buttons round-trip to the ReplyAction the core gave', () => {
  const message = renderReply(
    reply({
      actions: [
        { kind: 'rescan', label: 'Rescan', command: '/scan 127.0.0.1 22' },
        { kind: 'cancel', label: 'Cancel', scanId: 'scan-7' },
        { kind: 'explain', label: 'Explain 22', query: '22' },
      ],
    }),
  );
  const actions = message.blocks.find((block) => block.type === 'actions');
  assert.ok(actions?.type === 'actions');
  const back = actions.elements.map((element) => {
    assert.ok(element.type === 'button');
    return actionFromButton(element.action_id ?? '', element.value ?? '', element.text.text);
  });
  assert.deepEqual(back, [
    { kind: 'rescan', label: 'Rescan', command: '/scan 127.0.0.1 22' },
    { kind: 'cancel', label: 'Cancel', scanId: 'scan-7' },
    { kind: 'explain', label: 'Explain 22', query: '22' },
  ]);
  assert.equal(actionFromButton('someone_else', 'x', 'y'), undefined);
});

test('mentions of the bot are stripped wherever they stand; other mentions stay', () => {
  assert.equal(stripMentions('<@UPORTBOT> scan web-1 22', 'UPORTBOT'), 'scan web-1 22');
  assert.equal(stripMentions('hey <@UPORTBOT|portbot> what is port 22 for?', 'UPORTBOT'), 'hey what is port 22 for?');
  assert.equal(stripMentions('<@UPORTBOT> ask <@U0ALICE>', 'UPORTBOT'), 'ask <@U0ALICE>');
  assert.equal(stripMentions('<@UPORTBOT>', undefined), '');
});

test('message markup turns back into what the person typed: link labels, entities', () => {
  assert.equal(plainMessageText('scan <http://web-1.example.com|web-1.example.com> 22,80'), 'scan web-1.example.com 22,80');
  assert.equal(plainMessageText('scan <http://10.0.0.5:8080/>'), 'scan http://10.0.0.5:8080/');
  assert.equal(plainMessageText('port open&lt;filtered &amp; more'), 'port open<filtered & more');
  // Only the visible label is used: a link whose target differs cannot smuggle the target in.
  assert.equal(plainMessageText('scan <http://169.254.169.254|web-1>'), 'scan web-1');
});
