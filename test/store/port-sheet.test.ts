// The folded form of a host's ports: exact for small results, one folded group for large ones,
// per protocol, and read back port for port (a port outside the ranges was not scanned).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PortResult } from '../../src/scanner/types.js';
import { SheetReader, sheetsOf } from '../../src/store/port-sheet.js';

const udp = (port: number, state: PortResult['state'], reason: PortResult['reason']): PortResult => ({ port, protocol: 'udp', state, reason, service: port === 53 ? 'domain' : null, rttMs: state === 'open' ? 1.5 : null });
const tcp = (port: number, open: boolean): PortResult => ({ port, protocol: 'tcp', state: open ? 'open' : 'closed', reason: open ? 'syn-ack' : 'conn-refused', service: port === 22 ? 'ssh' : null, rttMs: 0.1 });

test('TCP and UDP are folded separately; a small group is kept whole; gaps in the ranges are not scanned', () => {
  const udpPorts = Array.from({ length: 100 }, (_, index) => index + 1).map((port) => (port === 53 ? udp(53, 'open', 'udp-response') : port % 10 === 0 ? udp(port, 'closed', 'port-unreach') : udp(port, 'open|filtered', 'no-response')));
  const tcpPorts = [22, 23, 24, 80, 443].map((port) => tcp(port, port === 22 || port === 443));
  const sheets = sheetsOf([...tcpPorts, ...udpPorts]);
  assert.deepEqual(sheets.tcp?.ranges, [[22, 24], [80, 80], [443, 443]]);
  assert.equal(sheets.tcp?.folded, null, 'five ports: every one listed');
  assert.equal(sheets.tcp?.listed.length, 5);
  assert.deepEqual(sheets.udp?.ranges, [[1, 100]]);
  assert.deepEqual(sheets.udp?.folded, { state: 'open|filtered', reason: 'no-response', count: 89 });
  assert.deepEqual(sheets.udp?.listed.map((port) => `${String(port.port)} ${port.state}`), ['10 closed', '20 closed', '30 closed', '40 closed', '50 closed', '53 open', '60 closed', '70 closed', '80 closed', '90 closed', '100 closed']);

  const reader = new SheetReader(sheets.udp);
  assert.deepEqual(reader.lookup(53), { port: 53, state: 'open', reason: 'udp-response', service: 'domain', rttMs: 1.5 });
  assert.deepEqual(reader.lookup(7), { port: 7, state: 'open|filtered', reason: 'no-response', service: null, rttMs: null });
  assert.equal(reader.lookup(101), null);
  const back = [...reader.ports()];
  assert.deepEqual(back.map((port) => [port.port, port.state, port.reason]), udpPorts.map((port) => [port.port, port.state, port.reason]));
  const tcpReader = new SheetReader(sheets.tcp);
  assert.equal(tcpReader.lookup(25), null);
  assert.deepEqual(tcpReader.lookup(22), { port: 22, state: 'open', reason: 'syn-ack', service: 'ssh', rttMs: 0.1 });
});

test('open ports are never folded, even when they are the most common state', () => {
  const ports = Array.from({ length: 40 }, (_, index) => tcp(index + 1, true));
  const sheets = sheetsOf(ports);
  assert.equal(sheets.tcp?.folded, null);
  assert.equal(sheets.tcp?.listed.length, 40);
});
