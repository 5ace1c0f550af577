import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanFile, scanFileName } from '../../src/report/scan-file.js';
import { SCAN_FORMATS } from '../../src/report/scan-formats.js';
import type { ScanReport } from '../../src/scanner/types.js';

test('file names keep letters, digits, dot, dash and underscore: targets typed by people cannot name a path', () => {
  assert.equal(scanFileName('web-1', 's3k9p', 'xml'), 'portbot-web-1-s3k9p.xml');
  assert.equal(scanFileName('web-1,web-2', 's3k9p', 'csv'), 'portbot-web-1-web-2-s3k9p.csv');
  assert.equal(scanFileName('10.0.0.0/28', 'r4m8x', 'xml'), 'portbot-10.0.0.0-28-r4m8x.xml');
  assert.equal(scanFileName('::1', 'r4m8x', 'xml'), 'portbot-1-r4m8x.xml');
  assert.equal(scanFileName('../../etc/passwd', 'r4m8x', 'csv'), 'portbot-etc-passwd-r4m8x.csv');
  assert.equal(scanFileName('*.example.com', 'r4m8x', 'csv'), 'portbot-example.com-r4m8x.csv');
  assert.equal(scanFileName('<!channel>', '', 'xml'), 'portbot-channel.xml');
  assert.equal(scanFileName('ünï', 'r4m8x', 'xml'), 'portbot-n-r4m8x.xml');
  assert.equal(scanFileName('a'.repeat(300), 'r4m8x', 'xml').length, 'portbot-'.length + 60 + '-r4m8x.xml'.length);
  for (const name of [scanFileName('..', 'x', 'xml'), scanFileName('/', 'x', 'csv')]) assert.match(name, /^portbot-[A-Za-z0-9._-]+\.(xml|csv)$/);
});

test('the chat file is the document `portbot scan --xml|--csv` writes, byte for byte', () => {
  const report: ScanReport = {
    hosts: [{ target: 'web-1', address: '10.0.0.5', ports: [{ port: 22, protocol: 'tcp', state: 'open', reason: 'syn-ack', service: 'ssh', rttMs: 0.2 }], summary: { open: 1 } }],
    durationMs: 120,
    cancelled: false,
  };
  const run = { command: '/scan web-1 22 xml', startedAt: Date.UTC(2026, 0, 2, 3, 4, 5) };
  for (const format of ['xml', 'csv'] as const) {
    const file = scanFile(report, run, { format, targets: 'web-1', jobId: 's3k9p', cliCommand: `portbot scan web-1 22 --${format}` });
    assert.equal(file.content, [...SCAN_FORMATS[format].chunks(report, run)].join(''));
    assert.equal(file.mimeType, SCAN_FORMATS[format].mimeType);
    assert.equal(file.filename, `portbot-web-1-s3k9p.${format}`);
  }
});
