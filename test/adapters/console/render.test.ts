import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clean, colour, plain, useColour } from '../../../adapters/console/ansi.js';
import { renderProgress, renderReply } from '../../../adapters/console/render.js';
import type { Reply } from '../../../src/commands/reply.js';

const reply = (overrides: Partial<Reply> = {}): Reply => ({
  title: 'Scan of web-1',
  summary: 'web-1 (10.0.0.5): 1 open, 1 closed, scanned 2 ports in 0.10 s',
  tone: 'warning',
  visibility: 'channel',
  rows: [
    { port: '23/tcp', state: 'open', service: 'telnet', reason: 'syn-ack', note: 'Cleartext remote login.', warning: true },
    { port: '80/tcp', state: 'closed', service: 'http', reason: 'conn-refused' },
  ],
  sections: [],
  notes: ['A note.'],
  actions: [
    { kind: 'rescan', label: 'Rescan', command: '/scan web-1 23,80' },
    { kind: 'explain', label: 'Explain 23/tcp', query: '23' },
  ],
  ...overrides,
});

// Select Graphic Rendition (colour) is the only escape sequence portbot itself may emit.
const onlyColourCodes = (text: string): boolean => text.split('\u001b').slice(1).every((rest) => /^\[[0-9;]*m/.test(rest));

test('colour only on a terminal, and never with NO_COLOR', () => {
  assert.equal(useColour({ isTTY: true }, {}), true);
  assert.equal(useColour({ isTTY: true }, { NO_COLOR: '1' }), false);
  assert.equal(useColour({ isTTY: false }, {}), false);
  assert.equal(useColour({}, {}), false);
});

test('plain rendering: title, summary, an aligned table with the warning marked, notes, what to type next', () => {
  const text = renderReply(reply(), plain);
  const lines = text.split('\n');
  assert.equal(lines[0], 'Scan of web-1');
  assert.match(text, /^ {2}PORT {4}STATE {3}SERVICE {2}REASON {8}NOTE$/m);
  assert.match(text, /^ {2}23\/tcp {2}open {4}telnet {3}syn-ack {7}! Cleartext remote login\.$/m);
  assert.match(text, /note: A note\./);
  assert.match(text, /next: \/scan web-1 23,80 · \/port 23/);
  assert.ok(!text.includes('\u001b'));
});

test('private answers are marked as such', () => {
  assert.match(renderReply(reply({ visibility: 'requester' }), plain).split('\n')[0] ?? '', /\(private\)$/);
});

test('untrusted text cannot smuggle terminal escapes, bells or line tricks', () => {
  const hostile = reply({
    title: 'Scan of evil\u001b[2J\u0007host',
    summary: 'line\rover\u001b]0;pwned\u0007written',
    rows: [{ port: '22/tcp', state: 'open', service: 'ssh\u001b[31m', reason: 'syn-ack', note: 'x\u009b2Jy' }],
  });
  for (const paint of [plain, colour]) {
    const text = renderReply(hostile, paint) + renderProgress(hostile, paint);
    assert.ok(onlyColourCodes(text), JSON.stringify(text));
    assert.ok(!text.includes('\u0007') && !text.includes('\r') && !text.includes('\u009b'));
  }
  assert.equal(clean('a\u001b[2Jb\nc'), 'a[2Jb c');
});

test('colour rendering uses colour codes only', () => {
  const text = renderReply(reply(), colour);
  assert.ok(text.includes('\u001b['));
  assert.ok(onlyColourCodes(text));
});
