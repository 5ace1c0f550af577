import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FOLD_THRESHOLD, foldedLine, foldPorts } from '../../src/report/fold.js';
import { port, thousandPorts } from './fixtures.js';

test('closed ports fold as nmap folds them, open ones stay', () => {
  const { shown, folded } = foldPorts(thousandPorts([22, 80, 443]));
  assert.deepEqual(shown.map((result) => result.port), [22, 80, 443]);
  assert.equal(foldedLine(folded), 'Not shown: 997 closed tcp ports (conn-refused)');
});

test('a state with 25 ports or fewer is listed, one more and it folds', () => {
  const few = Array.from({ length: FOLD_THRESHOLD }, (_, index) => port(index + 1, 'closed'));
  assert.equal(foldPorts(few).shown.length, FOLD_THRESHOLD);
  assert.equal(foldPorts([...few, port(100, 'closed')]).shown.length, 0);
});

test('a mostly filtered host folds filtered ports, and every large state folds, largest first', () => {
  const ports = [
    ...Array.from({ length: 900 }, (_, index) => port(index + 1, 'filtered')),
    ...Array.from({ length: 99 }, (_, index) => port(index + 1001, 'closed')),
    port(2000, 'open'),
  ];
  const { shown, folded } = foldPorts(ports);
  assert.deepEqual(shown.map((result) => result.port), [2000]);
  assert.equal(foldedLine(folded), 'Not shown: 900 filtered tcp ports (no-response), 99 closed tcp ports (conn-refused)');
});

test('mixed reasons inside one folded state are counted', () => {
  const ports = Array.from({ length: 30 }, (_, index) => ({ ...port(index + 1, 'filtered'), ...(index < 10 ? { reason: 'host-unreach' as const } : {}) }));
  assert.equal(foldedLine(foldPorts(ports).folded), 'Not shown: 30 filtered tcp ports (20 no-response, 10 host-unreach)');
});

test('tcp and udp fold separately', () => {
  const ports = [...thousandPorts([]), ...Array.from({ length: 40 }, (_, index) => port(index + 1, 'open|filtered', 'udp'))];
  assert.equal(foldedLine(foldPorts(ports).folded), 'Not shown: 1,000 closed tcp ports (conn-refused), 40 open|filtered udp ports (no-response)');
});

test('nothing folded gives no line', () => {
  assert.equal(foldedLine(foldPorts([port(22, 'open'), port(23, 'closed')]).folded), undefined);
});
