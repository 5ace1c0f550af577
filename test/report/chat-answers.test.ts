// What a chat answer says about hosts and detected services, from hand-built reports: each host's
// status in nmap's words, a block's down hosts counted and left out of the table, what answered
// in SERVICE and VERSION with findings beside the port, each kind of finding taught once, and a
// detection skipped for the result's size said with the way to ask for it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderReply as renderDiscord } from '../../adapters/discord/render.js';
import { ActionCodec } from '../../adapters/discord/render-actions.js';
import { scanReply } from '../../src/report/scan-reply.js';
import { resultTable } from '../../src/report/result-table.js';
import type { DetectedService, HostReport, HostStatus } from '../../src/scanner/types.js';
import { host, port, report } from './fixtures.js';

const options = { command: '/scan 10.0.0.0/28 22,80', visibility: 'channel' } as const;
const up = (latencyMs: number): HostStatus => ({ state: 'up', reason: 'syn-ack', latencyMs });
const DOWN: HostStatus = { state: 'down', reason: 'no-response', latencyMs: null };
const withStatus = (base: HostReport, status: HostStatus): HostReport => ({ ...base, status });

const redis: DetectedService = { name: 'redis', product: 'Redis', version: '7.0.15', findings: [{ code: 'no-auth', service: 'redis', product: 'Redis' }] };
const selfSigned: DetectedService = {
  name: 'http',
  product: 'nginx',
  version: '1.22.1',
  tls: { version: 'TLSv1.3', subject: 'CN=web-1', san: ['DNS:web-1', 'DNS:web-1.example.com'], issuer: 'CN=web-1', notAfter: '2027-01-01T00:00:00.000Z', selfSigned: true },
  findings: [{ code: 'cert-self-signed', subject: 'CN=web-1' }],
};

test('a single host says it is up and how far away, or that it seems down, in the summary', () => {
  const live = scanReply(report([withStatus(host('web-1', '10.0.0.5', [port(22, 'open', 'tcp', 'ssh')]), up(0.3123))]), options);
  assert.match(live.summary, /^web-1 \(10\.0\.0\.5\) is up \(0\.31 ms latency\): 1 open, scanned 1 port in /);
  const silent = scanReply(report([withStatus(host('10.0.0.9', '10.0.0.9', [port(22, 'filtered')]), DOWN)]), options);
  assert.match(silent.summary, /^10\.0\.0\.9 seems down \(no-response\): 0 open, 1 filtered, scanned 1 port in /);
  assert.equal(silent.rows.length, 1, 'a single target is always shown, down or not');
});

test('a block counts its hosts up and down, lists only the ones up, and names the few that seem down', () => {
  const live = [withStatus(host('10.0.0.1', '10.0.0.1', [port(22, 'open', 'tcp', 'ssh')]), up(0.5)), withStatus(host('10.0.0.6', '10.0.0.6', [port(22, 'closed', 'tcp', 'ssh')]), up(1.25))];
  const dead = Array.from({ length: 3 }, (_, index) => withStatus(host(`10.0.0.${10 + index}`, `10.0.0.${10 + index}`, []), DOWN));
  const reply = scanReply(report([...live, ...dead]), options);
  assert.match(reply.summary, /^2 hosts up, 3 down: 1 open, 1 closed, scanned 2 ports in /);
  assert.deepEqual(reply.sections[0]?.text.split('\n'), [
    '10.0.0.1 is up (0.5 ms latency): 1 open',
    '10.0.0.6 is up (1.3 ms latency): 0 open, 1 closed',
    'Seem down (no-response): 10.0.0.10, 10.0.0.11, 10.0.0.12',
  ]);
  assert.deepEqual(reply.rows.map((row) => row.host), ['10.0.0.1', '10.0.0.6'], 'no row for a host that seems down');
  assert.ok(reply.notes.some((note) => /Hosts that seem down were not port-scanned: .*80, 443, 22, 445, 3389.* add "all-hosts"/.test(note)));

  const many = Array.from({ length: 242 }, (_, index) => withStatus(host(`10.1.${Math.floor(index / 200)}.${index % 200}`, `10.1.${Math.floor(index / 200)}.${index % 200}`, []), DOWN));
  const block = scanReply(report([...live, ...many]), options);
  assert.match(block.summary, /^2 hosts up, 242 down: /);
  assert.match(block.sections[0]?.text ?? '', /\n242 hosts seem down \(no-response\) and are not listed\.$/);
});

test('what answered fills SERVICE and a VERSION column; its certificate and findings sit beside the port, risky ones marked', () => {
  const ports = [{ ...port(443, 'open', 'tcp', 'https'), detected: selfSigned }, { ...port(6379, 'open', 'tcp', 'redis'), detected: redis }, port(8080, 'open', 'tcp', 'http-alt')];
  const reply = scanReply(report([host('web-1', '10.0.0.5', ports)]), options);
  const table = resultTable(reply.rows);
  assert.deepEqual(table.columns.map((column) => column.title), ['PORT', 'STATE', 'SERVICE', 'REASON', 'VERSION']);
  assert.deepEqual(table.rows.map((row) => row.cells), [
    ['443/tcp', 'open', 'ssl/http', 'syn-ack', 'nginx 1.22.1'],
    ['6379/tcp', 'open', 'redis', 'syn-ack', 'Redis 7.0.15'],
    ['8080/tcp', 'open', 'http-alt', 'syn-ack', ''],
  ]);
  assert.deepEqual(table.rows[0]?.findings, [
    { subject: '443/tcp ssl/http', text: 'TLSv1.3 certificate CN=web-1 (also DNS:web-1, DNS:web-1.example.com), self-signed, valid until 2027-01-01', warning: false },
    { subject: '443/tcp ssl/http', text: 'Self-signed TLS certificate: no authority vouches for it', warning: true },
  ]);
  assert.deepEqual(table.rows[1]?.findings, [{ subject: '6379/tcp redis', text: 'Redis answers without authentication: anyone who reaches it can use it', warning: true }]);
  assert.equal(reply.tone, 'warning');
  // Each kind of finding is taught once, in the knowledge base's words.
  assert.equal(reply.notes.filter((note) => note.startsWith('Self-signed certificate: Clients cannot tell')).length, 1);
  assert.equal(reply.notes.filter((note) => note.startsWith('No authentication: An open database')).length, 1);
  const json = reply.attachment?.json as { hosts: { ports: { detected?: unknown }[] }[] };
  assert.deepEqual(json.hosts[0]?.ports[1]?.detected, redis, 'the JSON attachment keeps what was detected');
});

test('what a server sent is cut to sizes a chat can hold before any renderer sees it', () => {
  const long = { name: 'http', product: 'x'.repeat(120), version: 'y'.repeat(120), info: 'z'.repeat(120), findings: [] };
  const subject = `CN=${'s'.repeat(117)}`;
  const tls = { ...selfSigned, tls: { ...selfSigned.tls!, subject, issuer: subject, san: Array.from({ length: 40 }, (_, index) => `DNS:${'n'.repeat(100)}${index}`) } };
  const reply = scanReply(report([host('web-1', '10.0.0.5', [{ ...port(80, 'open'), detected: long }, { ...port(443, 'open'), detected: tls }])]), options);
  assert.ok((reply.rows[0]?.version?.length ?? 0) <= 100);
  const certificate = reply.rows[1]?.findings?.[0]?.text ?? '';
  assert.ok(certificate.length <= 240, certificate);
  assert.match(certificate, /, \+37 more\)/);
});

test('detection skipped above the limit says so, how to ask for it, and offers a Rescan that does', () => {
  const skipped = { ...report([host('web-1', '10.0.0.5', [port(22, 'open', 'tcp', 'ssh')])]), detection: { openPorts: 34, probed: 0, maxPorts: 20 } };
  const reply = scanReply(skipped, options);
  assert.ok(reply.notes.includes('Service detection skipped: this scan found 34 open ports, more than the 20 portbot identifies by itself. Add "services" to identify them anyway: /scan 10.0.0.0/28 22,80 services'));
  assert.deepEqual(reply.actions.at(-1), { kind: 'rescan', label: 'Rescan with services', command: '/scan 10.0.0.0/28 22,80 services' });

  const capped = scanReply({ ...skipped, detection: { openPorts: 400, probed: 256, maxPorts: 256 } }, options);
  assert.ok(capped.notes.some((note) => note.startsWith('Services identified on the first 256 of 400 open ports')));
  assert.ok(!capped.actions.some((action) => action.label === 'Rescan with services'));

  const complete = scanReply({ ...skipped, detection: { openPorts: 3, probed: 3, maxPorts: 20 } }, options);
  assert.ok(!complete.notes.some((note) => /Service detection|Services identified/.test(note)), 'nothing to say when every open port was probed');
});

test('a Discord answer cut to fit attaches the JSON with every host\'s status and what was detected', () => {
  const ports = [{ ...port(6379, 'open', 'tcp', 'redis'), detected: redis }, ...Array.from({ length: 2000 }, (_, index) => port(10000 + index, 'open'))];
  const reply = scanReply(report([withStatus(host('db-1', '10.0.0.7', ports), up(0.31))]), options);
  const [file] = renderDiscord(reply, new ActionCodec()).files;
  const json = JSON.parse(file?.attachment.toString() ?? '{}') as { hosts: { status: unknown; ports: { port: number; detected?: unknown }[] }[] };
  assert.deepEqual(json.hosts[0]?.status, { state: 'up', reason: 'syn-ack', latencyMs: 0.31 });
  assert.deepEqual(json.hosts[0]?.ports.find((entry) => entry.port === 6379)?.detected, redis);
});
