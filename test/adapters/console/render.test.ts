import assert from 'node:assert/strict';
import { test } from 'node:test';
import stripAnsi from 'strip-ansi';
import { clean, colour, plain, useColour } from '../../../adapters/console/ansi.js';
import { renderProgress, renderReply } from '../../../adapters/console/render.js';
import type { Reply } from '../../../src/report/reply.js';

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

test('a terminal has one reader: private answers carry no "(private)" mark', () => {
  assert.equal(renderReply(reply({ visibility: 'requester' }), plain).split('\n')[0], 'Scan of web-1');
});

const words = (text: string): string[] => text.split(/\s+/).filter((word) => word !== '');

test('at a width, every line fits and breaks between words; continuation lines keep the indent', () => {
  const long = 'Encrypted, but on the internet it is guessed at all day by password-trying bots: use keys, disable password logins and root login, and rate-limit or restrict who may connect.';
  const answer = reply({ rows: [], sections: [{ heading: 'Security', text: long }], notes: [long] });
  for (const width of [40, 80]) {
    for (const paint of [plain, colour]) {
      const text = renderReply(answer, paint, width);
      const lines = stripAnsi(text).split('\n');
      assert.ok(lines.every((line) => line.length <= width), `${width}:\n${text}`);
      assert.ok(onlyColourCodes(text), 'wrapping adds no escape sequence but colour');
      assert.deepEqual(words(stripAnsi(text)), words(renderReply(answer, plain)), 'the same words, none cut');
    }
    const lines = renderReply(answer, plain, width).split('\n');
    const section = lines.slice(lines.indexOf('  Security') + 1, lines.indexOf('', lines.indexOf('  Security')));
    assert.ok(section.length > 1 && section.every((line) => line.startsWith('    ') && !line.startsWith('     ')), section.join('\n'));
    const note = lines.filter((line) => line.startsWith('  note: ') || line.startsWith('        '));
    assert.ok(note.length > 1, 'the note wraps under its text, after "note: "');
  }
});

test('a long note in the table continues under the NOTE column', () => {
  const note = 'Windows file sharing (SMB): never expose it to the internet, it has a long history of worms';
  const text = renderReply(reply({ rows: [{ port: '445/tcp', state: 'open', service: 'microsoft-ds', reason: 'syn-ack', note, warning: true }], notes: [] }), plain, 72);
  const lines = text.split('\n');
  const header = lines.find((line) => line.includes('NOTE')) ?? '';
  const column = header.indexOf('NOTE');
  const row = lines.findIndex((line) => line.startsWith('  445/tcp'));
  assert.ok(lines[row]!.length <= 72 && lines[row + 1]!.length <= 72);
  assert.equal(lines[row + 1]!.search(/\S/), column, text);
  assert.deepEqual(words(text), words(renderReply(reply({ rows: [{ port: '445/tcp', state: 'open', service: 'microsoft-ds', reason: 'syn-ack', note, warning: true }], notes: [] }), plain)));
});

test('progress is one line of at most the width: the hint goes first, then the targets are cut', () => {
  const progress = reply({ title: 'Scanning 10.231.1.2…', summary: '14,096 of 20,000 ports done (70%), 2 open so far', tone: 'progress' });
  assert.equal(renderProgress(progress, plain, 120), '… Scanning 10.231.1.2… 14,096 of 20,000 ports done (70%), 2 open so far (Ctrl-C cancels)');
  assert.equal(renderProgress(progress, plain, 80), '… Scanning 10.231.1.2… 14,096 of 20,000 ports done (70%), 2 open so far');
  const narrow = renderProgress(progress, plain, 60);
  assert.ok(narrow.length <= 60 && narrow.endsWith('2 open so far') && narrow.includes('…'), narrow);
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
