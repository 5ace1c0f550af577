// The last line of a recorded scan's answer: what changed since the last scan, in ndiff's terms,
// with the words "since the last scan" in every form it takes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PortChange, ScanDiff } from '../../src/report/scan-diff.js';
import { historyLine, sinceLine, type SinceLast } from '../../src/report/since-line.js';

const now = new Date('2025-05-03T12:00:00Z');
const hoursAgo = (hours: number): Date => new Date(now.getTime() - hours * 3_600_000);
const change = (port: number, from: PortChange['from'], to: PortChange['to'], extra: Partial<PortChange> = {}): PortChange => ({ address: '10.0.0.5', target: 'web-1', port, protocol: 'tcp', from, to, ...extra });
const diff = (changes: PortChange[]): ScanDiff => ({ from: { id: 's3k9p', startedAt: hoursAgo(48) }, to: { id: 's7k2q', startedAt: now }, changes });
const since = (target: string, hours: number | null, changes: PortChange[] = []): SinceLast =>
  hours === null ? { target, previous: null, diff: null } : { target, previous: { id: 's3k9p', startedAt: hoursAgo(hours) }, diff: diff(changes) };

test('the issue’s two examples, word for word', () => {
  assert.equal(sinceLine([since('web-1', 48, [change(21, 'open', 'closed'), change(8080, 'closed', 'open')].reverse())], now), 'Since the last scan (2 days ago): 8080/tcp now open; 21/tcp now closed');
  assert.equal(sinceLine([since('web-1', 3)], now), 'Since the last scan (3 h ago): no change');
});

test('a first scan says so; a port not scanned before, a service that changed; ports not scanned now are not news', () => {
  assert.equal(sinceLine([since('web-1', null)], now), 'First scan of web-1 here: the next one will say what changed since the last scan.');
  const line = sinceLine([since('web-1', 0.5, [change(443, null, 'open'), change(22, 'open', 'open', { service: { from: 'ssh', to: 'http' } }), change(25, 'open', null)])], now);
  assert.equal(line, 'Since the last scan (30 min ago): 443/tcp open (not scanned before); 22/tcp now http (was ssh)');
});

test('many changes are counted after six, with the command that lists them; several hosts are named; several targets share one line', () => {
  const many = Array.from({ length: 9 }, (_, index) => change(1000 + index, 'closed', 'open'));
  assert.match(sinceLine([since('web-1', 1, many)], now) ?? '', /1005\/tcp now open; and 3 more \(\/diff web-1\)$/);
  const twoHosts = sinceLine([since('10.0.0.0/30', 1, [change(22, 'closed', 'open'), change(22, 'closed', 'open', { address: '10.0.0.6' })])], now);
  assert.equal(twoHosts, 'Since the last scan (1 h ago): 10.0.0.5 22/tcp now open; 10.0.0.6 22/tcp now open');
  assert.equal(sinceLine([since('web-1', 1), since('web-2', null)], now), 'Since the last scan: web-1 (1 h ago): no change · web-2: first scan here');
});

test('history notes: off says nothing; opening and unavailable say why', () => {
  assert.equal(historyLine({ kind: 'off' }), undefined);
  assert.match(historyLine({ kind: 'opening' }) ?? '', /since the last scan is not known yet/);
  assert.equal(historyLine({ kind: 'unavailable', message: 'could not create a job: connection refused' }), 'Not compared with the last scan: could not create a job: connection refused');
});
