import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanTable } from '../../src/report/scan-table.js';
import { host, port, report, thousandPorts } from './fixtures.js';

test("the terminal table reads like nmap's: header, Not shown line, aligned columns", () => {
  const text = scanTable(report([host('web-1', '10.0.0.5', thousandPorts([22, 80]))], 2500));
  const lines = text.split('\n');
  assert.equal(lines[0], 'portbot scan report for web-1 (10.0.0.5)');
  assert.equal(lines[1], 'Not shown: 998 closed tcp ports (conn-refused)');
  assert.match(lines[2]!, /^PORT\s+STATE\s+SERVICE\s+REASON$/);
  assert.match(lines[3]!, /^22\/tcp\s+open\s+ssh\s+syn-ack$/);
  assert.match(lines[4]!, /^80\/tcp\s+open\s+\S+\s+syn-ack$/);
  assert.equal(lines[2]!.indexOf('STATE'), lines[3]!.indexOf('open'), 'columns line up');
  assert.match(text, /portbot done: 1 address scanned in 2\.5 seconds\n$/);
});

test('a cancelled scan has no "done" line and no note about it: the CLI says it once, on stderr', () => {
  const text = scanTable(report([host('a', '127.0.0.1', [])], 100, true));
  assert.doesNotMatch(text, /portbot done|cancel/);
  assert.match(scanTable(report([host('a', '127.0.0.1', [])], 100, false)), /portbot done: 1 address scanned in 0\.10 seconds\n$/);
});

test('each host says whether it is up, and how far away, as nmap does', () => {
  const up = { ...host('web-1', '10.0.0.5', thousandPorts([22])), status: { state: 'up' as const, reason: 'syn-ack' as const, latencyMs: 0.3123 } };
  assert.equal(scanTable(report([up])).split('\n')[1], 'web-1 (10.0.0.5) is up (0.31 ms latency).');
  const silent = { ...host('10.0.0.9', '10.0.0.9', []), status: { state: 'down' as const, reason: 'no-response' as const, latencyMs: null } };
  assert.equal(scanTable(report([silent])).split('\n')[1], '10.0.0.9 seems down (no-response).');
});

test('a scan of several addresses shows only the hosts that are up, and counts them', () => {
  const up = { ...host('10.0.0.5', '10.0.0.5', thousandPorts([22])), status: { state: 'up' as const, reason: 'syn-ack' as const, latencyMs: 1.5 } };
  const down = (address: string) => ({ ...host(address, address, []), status: { state: 'down' as const, reason: 'no-response' as const, latencyMs: null } });
  const text = scanTable(report([up, down('10.0.0.6'), down('10.0.0.7')]));
  assert.equal(text.match(/^portbot scan report for /gm)?.length, 1);
  assert.match(text, /portbot done: 3 addresses \(1 host up\) scanned in /);
});

test('detected services: SERVICE says what answered, VERSION what it told, findings join the notes', () => {
  const detected = {
    name: 'http',
    product: 'nginx',
    version: '1.22.1',
    info: '200 OK',
    tls: { version: 'TLSv1.3', subject: 'CN=web-1', issuer: 'CN=web-1', notAfter: '2026-05-29T00:00:00.000Z', selfSigned: true },
    findings: [{ code: 'cert-self-signed' as const, subject: 'CN=web-1' }],
  };
  const ssh = { name: 'ssh', product: 'OpenSSH', version: '9.2p1', findings: [{ code: 'unexpected-service' as const, registered: 'http-alt', found: 'ssh' }] };
  const ports = [{ ...port(443, 'open', 'tcp', 'https'), detected }, { ...port(8080, 'open', 'tcp', 'http-alt'), detected: ssh }, port(9000, 'open')];
  const lines = scanTable(report([host('web-1', '10.0.0.5', ports)])).split('\n');
  assert.match(lines[1]!, /^PORT\s+STATE\s+SERVICE\s+REASON\s+VERSION$/);
  assert.match(lines[2]!, /^443\/tcp\s+open\s+ssl\/http\s+syn-ack\s+nginx 1\.22\.1 \(200 OK\)$/);
  assert.match(lines[3]!, /^8080\/tcp\s+open\s+ssh\s+syn-ack\s+OpenSSH 9\.2p1$/);
  assert.match(lines[4]!, /^9000\/tcp\s+open\s+unknown\s+syn-ack$/, 'no trailing spaces where nothing was detected');
  assert.ok(lines.includes('  443/tcp (!): Self-signed TLS certificate: no authority vouches for it'));
  assert.ok(lines.includes('  8080/tcp: ssh on a port registered for http-alt'));
});
