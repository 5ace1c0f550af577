// The document registry the CLI and chat attachments share: chunk sizes, flags, names and types.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { formatFromFlags, SCAN_FORMATS } from '../../src/report/scan-formats.js';
import { CHUNK_CHARS } from '../../src/report/text-chunks.js';
import { PORTBOT_VERSION } from '../../src/version.js';
import { host, port, report } from './fixtures.js';

const big = report([host('web-1', '10.0.0.5', Array.from({ length: 30000 }, (_, index) => port(index + 1, 'open', 'tcp', 'svc')))]);
const run = { command: 'portbot scan web-1 1-30000', startedAt: 0 };

test('every format streams chunks of about 64 KB: none far above it, so none lands in large-object space', () => {
  for (const format of Object.values(SCAN_FORMATS)) {
    const sizes = [...format.chunks(big, run)].map((chunk) => chunk.length);
    assert.ok(sizes.length > 10, `${format.name}: a 30,000-port document comes in many chunks`);
    assert.ok(sizes.slice(0, -1).every((size) => size >= CHUNK_CHARS && size < CHUNK_CHARS + 4096), `${format.name}: ${sizes.join(',')}`);
  }
});

test('chunks are produced only as they are read', () => {
  const chunks = SCAN_FORMATS.xml.chunks(big, run);
  const first = chunks.next();
  assert.equal(first.done, false);
  assert.match(String(first.value), /^<\?xml/);
  chunks.return(undefined);
});

test('--json, --xml and --csv pick one format; two of them are a conflict named in one line', () => {
  assert.deepEqual(formatFromFlags({}), {});
  assert.deepEqual(formatFromFlags({ xml: true, json: false }), { format: 'xml' });
  const { conflict } = formatFromFlags({ json: true, csv: true });
  assert.match(conflict ?? '', /^--json and --csv cannot be combined/);
});

test('file names and types for attachments', () => {
  assert.deepEqual(
    Object.values(SCAN_FORMATS).map((format) => [format.fileName, format.mimeType.split(';')[0]]),
    [
      ['portbot-scan.json', 'application/json'],
      ['portbot-scan.xml', 'application/xml'],
      ['portbot-scan.csv', 'text/csv'],
    ],
  );
});

test('the version named in documents is the package version', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  assert.equal(PORTBOT_VERSION, pkg.version);
});
