// What a watch run announces, run after run, from stored results: nothing when nothing changed,
// ports that open, close or change service, hosts that stop and start answering, new and gone
// hosts, flapping summarised once, and a firewall's range change as one group.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoredResult } from '../../src/store/types.js';
import { WATCH_HISTORY_RUNS, watchChanges, type WatchChange } from '../../src/watch/changes.js';
import { runs, stored, WEB, type HostSpec } from './fixtures.js';

/** A short text per change, so a test reads like the story it checks. */
function said(change: WatchChange): string {
  const where = change.host.target;
  switch (change.kind) {
    case 'port':
      return `${where} ${change.port}/${change.protocol} ${change.from}→${change.to}`;
    case 'service':
      return `${where} ${change.port}/${change.protocol} service ${String(change.from)}→${String(change.to)}`;
    case 'flapping':
      return `${where} ${change.port}/${change.protocol} flapping ${change.changes}/${change.runs} last ${change.last}`;
    case 'steady':
      return `${where} ${change.port}/${change.protocol} steady ${change.state}`;
    case 'ports':
      return `${where} ${change.count} ${change.protocol} ${change.what} ${change.from ?? ''}→${change.to} ${change.ranges.map(([a, b]) => `${a}-${b}`).join(',')}`;
    case 'host-new':
      return `${where} new open ${change.open.map((port) => port.port).join(',')}`;
    default:
      return `${where} ${change.kind}`;
  }
}

/** What each run after the first would announce, given everything stored up to it. */
function story(...specs: (HostSpec | HostSpec[])[]): string[][] {
  const results: StoredResult[] = [];
  const told: string[][] = [];
  for (const spec of specs) {
    results.push(stored(...(Array.isArray(spec) ? spec : [spec])));
    if (results.length > 1) told.push(watchChanges(runs(...results).slice(0, WATCH_HISTORY_RUNS)).map(said));
  }
  return told;
}

test('nothing to say: a first run, and runs that find what the last one found', () => {
  assert.deepEqual(watchChanges([stored({ open: [22] })]), []);
  assert.deepEqual(watchChanges([]), []);
  assert.deepEqual(story({ open: [22, 443] }, { open: [22, 443] }, { open: [22, 443] }), [[], []]);
});

test('a port that opens, one that closes, and a service that changes are each one change', () => {
  assert.deepEqual(story({ open: [22] }, { open: [22, 3389] }, { open: [3389] }), [['web-1 3389/tcp closed→open'], ['web-1 22/tcp open→closed']]);
  assert.deepEqual(story({ open: [22], filtered: [80] }, { open: [22] }), [['web-1 80/tcp filtered→closed']]);
  assert.deepEqual(story({ open: [443], detected: { 443: 'https' } }, { open: [443], detected: { 443: 'ssh' } }), [['web-1 443/tcp service https→ssh']]);
  const [opened] = watchChanges(runs(stored({ open: [22] }), stored({ open: [22, 3389] })));
  assert.deepEqual(opened, { kind: 'port', host: WEB, protocol: 'tcp', port: 3389, service: null, from: 'closed', to: 'open' });
});

test('a host that stops answering is said once; its ports are compared with the last run it answered', () => {
  assert.deepEqual(
    story({ open: [22] }, { down: true }, { down: true }, { silent: true }, { open: [22, 8080] }, { open: [22, 8080] }),
    [['web-1 host-down'], [], [], ['web-1 host-up', 'web-1 8080/tcp closed→open'], []],
  );
  assert.deepEqual(story({ open: [22] }, { silent: true }, { open: [22] }), [['web-1 host-down'], ['web-1 host-up']]);
  const [down] = watchChanges(runs(stored({ open: [22] }), stored({ down: true })));
  assert.deepEqual(down, { kind: 'host-down', host: WEB, reason: 'host-unreach' });
  assert.deepEqual(watchChanges(runs(stored({ open: [22] }), stored({ silent: true }))), [{ kind: 'host-down', host: WEB, reason: 'no-response' }]);
});

test('outages do not count as flapping: a port is compared only between runs in which its host answered', () => {
  assert.deepEqual(story({ open: [22] }, { down: true }, { open: [22] }, { down: true }, { open: [22] }, { down: true }, { open: [22] }).flat().filter((line) => line.includes('/tcp')), []);
});

test('hosts that appear and disappear (a block, or a name that now points elsewhere)', () => {
  const other = { target: '10.0.0.6', address: '10.0.0.6' };
  assert.deepEqual(story([{ open: [22] }], [{ open: [22] }, { ...other, open: [80, 443] }], [{ open: [22] }]), [['10.0.0.6 new open 80,443'], ['10.0.0.6 host-gone']]);
  // A host that never answered and then does is new to the watch, too.
  assert.deepEqual(story([{ ...other, silent: true }], [{ ...other, open: [80] }]), [['10.0.0.6 new open 80']]);
  // A silent host that disappears was never announced: nothing to take back.
  assert.deepEqual(story([{ open: [22] }, { ...other, silent: true }], [{ open: [22] }]), [[]]);
});

test('flapping: two changes, one summary, silence while it flaps, one steady when it holds still', () => {
  const up = { open: [22, 8080] };
  const downPort = { open: [22] };
  assert.deepEqual(story(downPort, up, downPort, up, downPort, up, up, up, up, up, up), [
    ['web-1 8080/tcp closed→open'],
    ['web-1 8080/tcp open→closed'],
    ['web-1 8080/tcp flapping 3/4 last open'],
    [],
    [],
    [],
    [],
    [],
    ['web-1 8080/tcp steady open'],
    [],
  ]);
});

test('a port one run did not scan (the port list changed) is not a change', () => {
  assert.deepEqual(story({ ports: [22, 80], open: [22] }, { ports: [22, 80, 3389], open: [22, 3389] }), [[]]);
});

test('a firewall that starts dropping a range is one group; open ports are still named one by one', () => {
  const ports = Array.from({ length: 1024 }, (_, index) => index + 1);
  const filtered = ports.filter((port) => port !== 22 && port !== 443);
  assert.deepEqual(story({ ports, open: [22, 443] }, { ports, open: [22], filtered }), [
    ['web-1 443/tcp open→closed', 'web-1 1022 tcp port closed→filtered 1-21,23-442,444-1024'],
  ]);
  // Five alike are named one by one; six are a group.
  assert.deepEqual(story({ open: [22] }, { open: [22], filtered: [1, 2, 3, 4, 5] }), [[1, 2, 3, 4, 5].map((port) => `web-1 ${port}/tcp closed→filtered`)]);
  assert.deepEqual(story({ open: [22] }, { open: [22], filtered: [1, 2, 3, 4, 5, 7] }), [['web-1 6 tcp port closed→filtered 1-5,7-7']]);
});

test('a full range (65,535 ports) that turns filtered is evaluated whole and grouped', () => {
  const ports = Array.from({ length: 65_535 }, (_, index) => index + 1);
  const all = ports.filter((port) => port !== 22);
  const [changes] = story({ ports, open: [22] }, { ports, open: [22], filtered: all }, { ports, open: [22] });
  assert.deepEqual(changes, ['web-1 65534 tcp port closed→filtered 1-21,23-65535']);
});

test('several hosts: each host\'s changes together, in the order of the newest result', () => {
  const other = { target: 'web-2', address: '10.0.0.6' };
  assert.deepEqual(story([{ open: [22] }, { ...other, open: [22] }], [{ open: [22, 80] }, { ...other, down: true }]), [['web-1 80/tcp closed→open', 'web-2 host-down']]);
});
