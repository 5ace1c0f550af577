import assert from 'node:assert/strict';
import { test } from 'node:test';
import { portNote, serviceName } from '../../src/knowledge/lookup.js';
import { curatedPorts } from '../../src/knowledge/ports/index.js';

test('serviceName: curated first, then IANA, else null', () => {
  const cases: [port: number, protocol: 'tcp' | 'udp', name: string | null][] = [
    [22, 'tcp', 'ssh'],
    [80, 'tcp', 'http'], // curated; the package says www-http
    [53, 'udp', 'domain'],
    [514, 'tcp', 'shell'],
    [514, 'udp', 'syslog'],
    [3389, 'tcp', 'ms-wbt-server'],
    [9200, 'tcp', 'elasticsearch'],
    [70, 'tcp', 'gopher'], // IANA only
    [512, 'udp', 'biff'], // IANA: another service than 512/tcp
    [44444, 'tcp', 'cognex-dataman'],
    [40001, 'tcp', null],
    [4, 'tcp', null], // IANA: Unassigned
    [0, 'tcp', null], // IANA: Reserved
    [65535, 'udp', null],
  ];
  for (const [port, protocol, name] of cases) assert.equal(serviceName(port, protocol), name, `${port}/${protocol}`);
});

test('serviceName agrees with the curated list for every curated port', () => {
  for (const entry of curatedPorts) {
    for (const protocol of entry.transports) assert.equal(serviceName(entry.port, protocol), entry.service);
  }
});

test('portNote: the curated note and warning mark, an IANA description, or null', () => {
  assert.deepEqual(portNote(23, 'tcp'), { note: 'Telnet remote login: passwords cross the network in clear text', warning: true });
  assert.equal(portNote(3389, 'tcp')?.warning, true);
  assert.equal(portNote(3306, 'tcp')?.warning, true);
  assert.equal(portNote(445, 'tcp')?.warning, true);
  assert.equal(portNote(443, 'tcp')?.warning, false);
  assert.match(portNote(514, 'udp')?.note ?? '', /^Syslog/);
  assert.match(portNote(514, 'tcp')?.note ?? '', /^rsh/);
  // The SERVICE column shows the name: a note only when IANA's description says more.
  assert.equal(portNote(70, 'tcp'), null, 'gopher: "Gopher"');
  assert.equal(portNote(2024, 'tcp'), null, 'xinuexpansion4: no description');
  assert.deepEqual(portNote(9001, 'tcp'), { note: 'IANA: ETL Service Manager', warning: false });
  assert.equal(portNote(40001, 'tcp'), null);
  assert.equal(portNote(0, 'tcp'), null);
});

test('portNote stays one line even for long registry descriptions', () => {
  const note = portNote(513, 'udp')?.note ?? '';
  assert.ok(note.startsWith('IANA: maintains data bases'), note);
  assert.ok(note.length <= 100 && !note.includes('\n'), note);
  assert.ok(note.endsWith('…'));
});
