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

test('each port line is exactly what JSON.stringify writes for the contract fields', () => {
  const odd = [
    { ...port(22, 'open', 'tcp', 'ssh'), rttMs: 0.123456789 },
    { ...port(23, 'closed', 'tcp', 'tel"net\\\n\u0001'), rttMs: 1e-7 },
    { ...port(53, 'open|filtered', 'udp', 'domain'), rttMs: Number.NaN },
    { ...port(80, 'filtered'), reason: 'host-unreach' as const, rttMs: 12 },
  ];
  const lines = [...scanDocumentLines(report([host('t', '127.0.0.1', odd)]))].filter((line) => line.startsWith('{"port":'));
  const expected = odd.map(({ port: number, protocol, state, reason, service, rttMs }) => JSON.stringify({ port: number, protocol, state, reason, service, rttMs }));
  assert.deepEqual(lines.map((line) => line.replace(/,$/, '')), expected);
});

const ssh = { name: 'ssh', product: 'OpenSSH', version: '9.2p1', info: 'protocol 2.0; "quoted" \\ text', findings: [{ code: 'unexpected-service' as const, registered: 'https', found: 'ssh' }] };

test('hosts carry their status and open ports what answers there, the same in both serialisations', () => {
  const up = { ...host('web-1', '10.0.0.5', [{ ...port(443, 'open', 'tcp', 'https'), detected: ssh }, port(80, 'closed')]), status: { state: 'up' as const, reason: 'syn-ack' as const, latencyMs: 0.31 } };
  const down = { ...host('10.0.0.6', '10.0.0.6', []), status: { state: 'down' as const, reason: 'no-response' as const, latencyMs: null } };
  const scanned = report([up, down]);
  const document = scanDocument(scanned);
  assert.deepEqual(streamed(scanned), document);
  assert.deepEqual(document.hosts.map((entry) => Object.keys(entry)), [['target', 'address', 'status', 'ports', 'summary'], ['target', 'address', 'status', 'ports', 'summary']]);
  assert.deepEqual(document.hosts[0]!.ports[0]!.detected, ssh);
  assert.equal('detected' in document.hosts[0]!.ports[1]!, false, 'no detected field where nothing was detected');
  assert.deepEqual(document.hosts[1]!.status, { state: 'down', reason: 'no-response', latencyMs: null });
});
