// Help names every command a person can type, with examples that work where it is read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCommand } from '../../src/commands/parse-command.js';
import { helpReply } from '../../src/report/help-reply.js';

test('the full help has a section for each command, and every example in it parses as that command', () => {
  for (const audience of ['chat', 'terminal'] as const) {
    const help = helpReply('all', audience);
    const text = help.sections?.map((section) => section.text).join('\n') ?? '';
    for (const verb of ['/scan', '/ping', '/history', '/diff', '/watch', '/port']) assert.ok(text.includes(verb), `${audience} help names ${verb}`);
    const examples = text.split('\n').filter((line) => line.startsWith('  /'));
    assert.ok(examples.length >= 10);
    for (const example of examples) {
      const parsed = parseCommand(example.trim(), audience);
      assert.ok(parsed.ok, `${example.trim()}: ${parsed.ok ? '' : parsed.error.message}`);
      assert.equal(parsed.value.kind, example.trim().split(' ')[0]!.slice(1), example);
    }
  }
});
