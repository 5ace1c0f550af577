import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanReply } from '../../src/report/scan-reply.js';
import { host, port, report, thousandPorts } from './fixtures.js';

const options = { command: '/scan web-1 1-1000', visibility: 'channel' } as const;

test('one host: the summary line, folded closed ports, a row per open port with its note', () => {
  const reply = scanReply(report([host('web-1', '10.0.0.5', thousandPorts([22, 80, 443]))], 1234), options);
  assert.equal(reply.summary, 'web-1 (10.0.0.5): 3 open, 997 closed, scanned 1,000 ports in 1.2 s');
  assert.equal(reply.folded, 'Not shown: 997 closed tcp ports (conn-refused)');
  assert.deepEqual(reply.rows.map((row) => row.port), ['22/tcp', '80/tcp', '443/tcp']);
  const ssh = reply.rows[0]!;
  assert.equal(ssh.state, 'open');
  assert.equal(ssh.service, 'ssh');
  assert.equal(ssh.reason, 'syn-ack');
  assert.ok(ssh.note !== undefined && ssh.note.length > 0, 'open ports carry the knowledge note');
  assert.equal(reply.visibility, 'channel');
  assert.equal(reply.title, 'Scan of web-1');
});

test('actions: Rescan re-runs the command, Explain offered for open ports; no Cancel on a final result', () => {
  const reply = scanReply(report([host('web-1', '10.0.0.5', thousandPorts([22, 80]))]), options);
  assert.deepEqual(reply.actions[0], { kind: 'rescan', label: 'Rescan', command: '/scan web-1 1-1000' });
  assert.deepEqual(
    reply.actions.filter((action) => action.kind === 'explain').map((action) => action.query),
    ['22/tcp', '80/tcp'],
  );
  assert.ok(!reply.actions.some((action) => action.kind === 'cancel'));
});

test('the attachment is the DESIGN JSON document and lists every port', () => {
  const reply = scanReply(report([host('web-1', '10.0.0.5', thousandPorts([22]))], 1500), options);
  const json = reply.attachment?.json as { hosts: { target: string; address: string; ports: unknown[]; summary: unknown }[]; durationMs: number };
  assert.equal(json.hosts.length, 1);
  assert.equal(json.hosts[0]!.ports.length, 1000);
  assert.deepEqual(json.hosts[0]!.summary, { open: 1, closed: 999 });
  assert.equal(json.durationMs, 1500);
  assert.deepEqual(Object.keys(json.hosts[0]!.ports[0] as object).sort(), ['port', 'protocol', 'reason', 'rttMs', 'service', 'state']);
});

test('several hosts: counted together, one line each, rows name their host', () => {
  const reply = scanReply(
    report([host('web-1', '10.0.0.5', [port(22, 'open', 'tcp', 'ssh'), port(80, 'closed')]), host('web-2', '10.0.0.6', [port(22, 'closed'), port(80, 'closed')])]),
    options,
  );
  assert.equal(reply.summary, '2 hosts: 1 open, 3 closed, scanned 4 ports in 1.2 s');
  assert.equal(reply.title, 'Scan of 2 hosts');
  assert.deepEqual(reply.sections[0]?.text.split('\n'), ['web-1 (10.0.0.5): 1 open, 1 closed', 'web-2 (10.0.0.6): 0 open, 2 closed']);
  assert.equal(reply.rows[0]?.host, 'web-1 (10.0.0.5)');
  assert.equal(reply.rows.length, 4);
});

test('UDP open|filtered and filtered results come with a note that explains them', () => {
  const reply = scanReply(report([host('10.0.0.5', '10.0.0.5', [port(514, 'open|filtered', 'udp', 'syslog'), port(8080, 'filtered')])]), options);
  assert.equal(reply.summary, '10.0.0.5: 0 open, 1 filtered, 1 open|filtered, scanned 2 ports in 1.2 s');
  assert.ok(reply.notes.some((note) => note.includes('open|filtered') && note.includes('syslog')));
  assert.ok(reply.notes.some((note) => note.startsWith('filtered:')));
});

test('a cancelled scan says so in the title and the summary, and no note repeats it', () => {
  const reply = scanReply(report([host('web-1', '10.0.0.5', [port(22, 'open')])], 800, true), options);
  assert.equal(reply.title, 'Scan of web-1 (cancelled)');
  assert.match(reply.summary, /cancelled after 1 port in 0\.80 s/);
  assert.ok(!reply.notes.some((note) => note.includes('cancelled')), reply.notes.join('\n'));
  assert.equal(reply.tone, 'warning');
});

test('private results stay private', () => {
  const reply = scanReply(report([host('web-1', '10.0.0.5', [port(22, 'closed')])]), { ...options, visibility: 'requester' });
  assert.equal(reply.visibility, 'requester');
});
