// PortVerdicts keeps a host's results as a byte and an RTT per port; these pin what readers of a
// report see: results built on reading, a stopped scan's subset, counts and JSON.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PortVerdicts } from '../../src/scanner/port-verdicts.js';

const named = (port: number): string | null => (port === 22 ? 'ssh' : null);

test('each finished port reads back as the PortResult it stands for; a port stores its first verdict only', () => {
  const verdicts = new PortVerdicts('tcp', [22, 80, 443], named);
  assert.equal(verdicts.set(0, 'open', 'syn-ack', 1.23456), true);
  assert.equal(verdicts.set(2, 'filtered', 'no-response', null), true);
  assert.equal(verdicts.set(0, 'closed', 'conn-refused', 5), false, 'a second verdict for a port is refused');
  assert.deepEqual(verdicts.at(0), { port: 22, protocol: 'tcp', state: 'open', reason: 'syn-ack', service: 'ssh', rttMs: 1.23 });
  assert.equal(verdicts.at(1), undefined, 'unfinished');
  assert.deepEqual(verdicts.at(2), { port: 443, protocol: 'tcp', state: 'filtered', reason: 'no-response', service: null, rttMs: null });
  assert.equal(verdicts.finishedCount, 2);
});

test('a stopped scan hands out only its finished ports, in port order, with their counts and JSON', () => {
  const verdicts = new PortVerdicts('udp', [53, 123, 161, 514], () => null);
  verdicts.set(3, 'open|filtered', 'no-response', null);
  verdicts.set(0, 'open', 'udp-response', 2);
  const finished = verdicts.finished();
  assert.equal(finished.length, 2);
  assert.deepEqual(Array.from(finished, (result) => `${result.port} ${result.state}`), ['53 open', '514 open|filtered']);
  assert.deepEqual(finished.summary(), { open: 1, 'open|filtered': 1 });
  assert.deepEqual(JSON.parse(JSON.stringify({ ports: finished })), { ports: [...finished] });
});

test('a list whose every port finished is handed out as it is, without a copy', () => {
  const verdicts = new PortVerdicts('tcp', [1, 2], () => null);
  verdicts.set(1, 'closed', 'conn-refused', 0.5);
  verdicts.set(0, 'closed', 'conn-refused', 0.25);
  assert.equal(verdicts.finished(), verdicts);
});
