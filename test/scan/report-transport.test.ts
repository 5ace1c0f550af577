// A report crossing a process boundary (an agent's result through a queue) in the store's folded
// form: JSON in between, every port back with its state, reason and RTT, open ports' detection,
// host status and the notes the policy added.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeReport, encodeReport } from '../../src/scan/index.js';
import type { PortResult, ScanReport } from '../../src/scanner/types.js';
import { ALL_PORTS, host } from '../store/fixtures.js';

test('a full range with three open ports survives JSON in a few hundred bytes and reads back port for port', () => {
  const scanned = host({ target: 'web-1', address: '10.0.0.5', open: [22, 80, 443], filtered: [135], services: { 22: 'ssh' } });
  const report: ScanReport = {
    hosts: [{ ...scanned, ports: scanned.ports as PortResult[], status: { state: 'up', reason: 'syn-ack', latencyMs: 0.2 } }],
    durationMs: 1500,
    cancelled: false,
    otherAddresses: [{ target: 'web-1', address: '10.0.0.6', family: 4 }],
  };
  const wire = JSON.stringify(encodeReport(report));
  assert.ok(wire.length < 1000, `${wire.length} bytes`);
  const back = decodeReport(JSON.parse(wire) as ReturnType<typeof encodeReport>);
  const [only] = back.hosts;
  assert.equal(only?.ports.length, ALL_PORTS.length);
  assert.deepEqual(only?.status, { state: 'up', reason: 'syn-ack', latencyMs: 0.2 });
  assert.deepEqual(back.otherAddresses, report.otherAddresses);
  const original = report.hosts[0]!.ports as PortResult[];
  let index = 0;
  for (const port of only.ports) {
    const expected = original[index]!;
    assert.deepEqual([port.port, port.state, port.reason], [expected.port, expected.state, expected.reason]);
    if (expected.state !== 'closed') assert.equal(port.rttMs, expected.rttMs);
    assert.deepEqual(only.ports.at(index), port, `at(${index}) reads the same port`);
    index++;
  }
  assert.equal(only.ports.at(21)?.service, 'ssh', 'a listed port keeps its name');
  assert.equal(only.ports.at(24)?.service, 'smtp', 'a folded port is named again from the registry');
});
