import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanDocument, scanDocumentLines } from '../../src/report/scan-document.js';
import { host, port, report, thousandPorts } from './fixtures.js';

const streamed = (...args: Parameters<typeof scanDocumentLines>): unknown => JSON.parse([...scanDocumentLines(...args)].join('\n'));

test('the line-by-line JSON is the same document as scanDocument, every port included', () => {
  const cases = [
    report([host('web-1', '10.0.0.5', thousandPorts([22, 80]))]),
    report([host('a', '127.0.0.1', [port(22, 'open', 'tcp', 'ssh'), port(53, 'open|filtered', 'udp', 'domain')]), host('b', '::1', [port(1, 'filtered')])]),
    report([host('empty', '127.0.0.2', [])], 5, true),
    report([]),
  ];
  for (const scanned of cases) assert.deepEqual(streamed(scanned), scanDocument(scanned));
});

test('one port per line, so a reader can stream it', () => {
  const lines = [...scanDocumentLines(report([host('web-1', '10.0.0.5', thousandPorts([22]))]))];
  assert.equal(lines.filter((line) => line.startsWith('{"port":')).length, 1000);
});

test('hostile target text stays inside its JSON string', () => {
  const scanned = report([host('x","address":"evil', '127.0.0.1', [port(22, 'open')])]);
  assert.deepEqual(streamed(scanned), scanDocument(scanned));
});
