import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffCsv } from '../../src/report/history-csv.js';
import { csvReaderSkipReason, documentFile, readWithPythonCsv } from './document-readers.js';

test('diff --csv: a port only one scan probed has an empty state; a changed service is the newer one; quoting holds', { skip: csvReaderSkipReason() }, () => {
  const at = new Date(Date.UTC(2026, 0, 1));
  const text = diffCsv({
    from: { id: 's3k9p', startedAt: at },
    to: { id: 's7k2q', startedAt: at },
    changes: [
      { address: '10.0.0.5', target: 'web-1', port: 8080, protocol: 'tcp', from: null, to: 'open' },
      { address: '10.0.0.5', target: 'web-1', port: 53, protocol: 'udp', from: 'open|filtered', to: null },
      { address: '10.0.0.5', target: 'web-1', port: 2222, protocol: 'tcp', from: 'open', to: 'open', service: { from: 'ssh', to: '=HYPERLINK("x"),"y"' } },
    ],
  });
  assert.deepEqual(readWithPythonCsv(documentFile(text, 'csv')), [
    ['address', 'port', 'protocol', 'before', 'after', 'service'],
    ['10.0.0.5', '8080', 'tcp', '', 'open', 'http-alt'],
    ['10.0.0.5', '53', 'udp', 'open|filtered', '', 'domain'],
    ['10.0.0.5', '2222', 'tcp', 'open', 'open', `'=HYPERLINK("x"),"y"`],
  ]);
});
