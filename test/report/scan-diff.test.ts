// The diff of two stored scans, as nmap's ndiff reads two scans: opened, closed, state and service
// changes, `null` for a port the other scan did not probe, and folded ports compared only where
// both scans covered them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffResults, type PortChange } from '../../src/report/scan-diff.js';
import type { PortResult } from '../../src/scanner/types.js';
import { sheetsOf } from '../../src/store/port-sheet.js';
import type { StoredResult } from '../../src/store/types.js';
import { host, type HostSpec } from '../store/fixtures.js';

let sequence = 0;
function stored(...specs: (HostSpec & { detected?: Record<number, string> })[]): StoredResult {
  const hosts = specs.map((spec) => {
    const scanned = host(spec);
    const ports = (scanned.ports as PortResult[]).map((port) => (spec.detected?.[port.port] === undefined ? port : { ...port, detected: { name: spec.detected[port.port]!, findings: [] } }));
    return { target: spec.target, address: spec.address, summary: scanned.summary, status: null, sheets: sheetsOf(ports) };
  });
  return { id: `s${String(++sequence).padStart(4, '0')}`, status: 'done', startedAt: new Date(sequence * 1000), finishedAt: null, hosts };
}

const lines = (changes: readonly PortChange[]): string[] =>
  changes.map((change) => `${change.address} ${String(change.port)}/${change.protocol} ${String(change.from)}→${String(change.to)}${change.service === undefined ? '' : ` ${String(change.service.from)}→${String(change.service.to)}`}`);

const web = { target: 'web-1', address: '10.0.0.5' };

test('a full range with a port opened and one closed gives exactly those two changes', () => {
  const before = stored({ ...web, open: [21, 22, 443] });
  const after = stored({ ...web, open: [22, 443, 8080] });
  const diff = diffResults(before, after);
  assert.deepEqual(lines(diff.changes), ['10.0.0.5 21/tcp open→closed', '10.0.0.5 8080/tcp closed→open']);
  assert.deepEqual(diff.from, { id: before.id, startedAt: before.startedAt });
  assert.deepEqual(diff.to, { id: after.id, startedAt: after.startedAt });
  assert.equal(diff.changes[0]!.target, 'web-1');
});

test('the same scan twice: no change', () => {
  assert.deepEqual(diffResults(stored({ ...web, open: [22] }), stored({ ...web, open: [22] })).changes, []);
});

test('an open port whose detected service changed is a service change', () => {
  const diff = diffResults(stored({ ...web, open: [443], detected: { 443: 'http' } }), stored({ ...web, open: [443], detected: { 443: 'ssh' } }));
  assert.deepEqual(lines(diff.changes), ['10.0.0.5 443/tcp open→open http→ssh']);
});

test('a port the other scan did not probe is null on that side; folded ports it newly covers are not changes', () => {
  const first = Array.from({ length: 1024 }, (_, index) => index + 1);
  const diff = diffResults(stored({ ...web, ports: first, open: [22] }), stored({ ...web, open: [22, 8443] }));
  assert.deepEqual(lines(diff.changes), ['10.0.0.5 8443/tcp null→open']);
  const back = diffResults(stored({ ...web, open: [22, 8443] }), stored({ ...web, ports: first, open: [22] }));
  assert.deepEqual(lines(back.changes), ['10.0.0.5 8443/tcp open→null']);
});

test('a folded group that changed state shows every port both scans covered', () => {
  const ports = Array.from({ length: 100 }, (_, index) => index + 1);
  const filtered = Array.from({ length: 100 }, (_, index) => index + 1).filter((port) => port !== 22);
  const diff = diffResults(stored({ ...web, ports, open: [22] }), stored({ ...web, ports, open: [22], filtered }));
  assert.equal(diff.changes.length, 99);
  assert.deepEqual(lines(diff.changes.slice(0, 2)), ['10.0.0.5 1/tcp closed→filtered', '10.0.0.5 2/tcp closed→filtered']);
  assert.ok(diff.changes.every((change) => change.port !== 22));
});

test('a host in one scan only: its listed ports come or go, newer hosts first', () => {
  const db = { target: 'db-1', address: '10.0.0.6', ports: [22, 5432], open: [5432] };
  const diff = diffResults(stored(web, { ...db, target: 'old-name' }), stored({ ...web, open: [80] }, { target: 'cache', address: '10.0.0.7', ports: [6379], open: [6379] }));
  assert.deepEqual(lines(diff.changes), ['10.0.0.5 80/tcp closed→open', '10.0.0.7 6379/tcp null→open', '10.0.0.6 5432/tcp open→null', '10.0.0.6 22/tcp closed→null'].sort((a, b) => order(a) - order(b)));
});

// Expected order: newer scan's hosts, then the older's; ports ascending.
function order(line: string): number {
  const [address, port] = line.split(' ');
  return ['10.0.0.5', '10.0.0.7', '10.0.0.6'].indexOf(address!) * 100_000 + Number(port!.split('/')[0]);
}
