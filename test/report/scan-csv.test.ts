// portbot's CSV as Python's csv module reads it: a header, one row per port, hostile text back
// exactly as it was (quotes, commas, line breaks), and formula-looking cells neutralised with a
// leading apostrophe so a spreadsheet shows them as text instead of evaluating them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CSV_COLUMNS } from '../../src/report/scan-csv.js';
import { SCAN_FORMATS } from '../../src/report/scan-formats.js';
import type { PortResult, ScanReport } from '../../src/scanner/types.js';
import { csvReaderSkipReason, documentFile, readWithPythonCsv } from './document-readers.js';
import { host, port, report, thousandPorts } from './fixtures.js';

const skip = csvReaderSkipReason();
const RUN = { command: 'portbot scan x --csv', startedAt: 0 };

const csvText = (scanned: ScanReport): string => [...SCAN_FORMATS.csv.chunks(scanned, RUN)].join('');
const readBack = (scanned: ScanReport): string[][] => readWithPythonCsv(documentFile(csvText(scanned), 'csv'));
const withDetected = (result: PortResult, detected: Record<string, string>): PortResult => Object.assign({}, result, { detected });

test('a header, then one row per scanned port of every host, closed ones included', { skip }, () => {
  const rows = readBack(report([host('web-1', '10.0.0.5', thousandPorts([22, 80])), host('::1', '::1', [port(53, 'open|filtered', 'udp', 'domain')])]));
  assert.deepEqual(rows[0], [...CSV_COLUMNS]);
  assert.equal(rows.length, 1 + 1000 + 1);
  assert.deepEqual(rows[22], ['10.0.0.5', 'web-1', '22', 'tcp', 'open', 'syn-ack', 'ssh', '']);
  assert.deepEqual(rows[1], ['10.0.0.5', 'web-1', '1', 'tcp', 'closed', 'conn-refused', '', '']);
  assert.deepEqual(rows.at(-1), ['::1', '::1', '53', 'udp', 'open|filtered', 'no-response', 'domain', '']);
});

test('hostile text round-trips, and cells a spreadsheet would run as formulas come back as text', { skip }, () => {
  const tricky = 'a,b "quoted"\r\nnext line; semi';
  const formulas = ['=HYPERLINK("http://x","y")', '+1+2', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'];
  const ports = [
    withDetected(port(80, 'open', 'tcp', 'http'), { name: 'http', product: tricky, version: '1.0', info: 'Ubuntu' }),
    ...formulas.map((text, index) => withDetected(port(1000 + index, 'open', 'tcp', text), { product: text })),
  ];
  const rows = readBack(report([host('=cmd|" /C calc"!A0', '10.0.0.5', ports)]));
  assert.equal(rows.length, 1 + ports.length, 'line breaks inside cells do not start new rows');
  const [, http, ...formulaRows] = rows;
  assert.equal(http?.[1], '\'=cmd|" /C calc"!A0', 'a hostile target gets the apostrophe');
  assert.equal(http?.[7], `http ${tricky} 1.0 (Ubuntu)`);
  formulaRows.forEach((row, index) => {
    assert.equal(row[6], `'${formulas[index]}`, 'service cell neutralised');
    assert.equal(row[7], `'${formulas[index]}`, 'detected cell neutralised');
  });
});

test('RFC 4180 line ends (CRLF) and the CSV type to attach it with', () => {
  const text = csvText(report([host('a', '127.0.0.1', [port(22, 'open', 'tcp', 'ssh')])]));
  assert.equal(text.split('\r\n').length, 3, 'header, one row, and the empty tail after the last CRLF');
  assert.match(SCAN_FORMATS.csv.mimeType, /^text\/csv/);
  assert.equal(SCAN_FORMATS.csv.fileName, 'portbot-scan.csv');
});
