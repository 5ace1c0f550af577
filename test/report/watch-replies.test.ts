// What watches say: the confirmation with its baseline, the list, stop, pause, and alerts in the
// issue's voice. Each fact once; untrusted text left as it came for the adapter to escape.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { replyText } from '../../src/report/reply-text.js';
import { changeLine, portName } from '../../src/report/watch-change-text.js';
import { watchAlertReply, watchConfirmedReply, watchListReply, watchPausedReply, watchStoppedReply, type WatchFacts } from '../../src/report/watch-replies.js';
import type { WatchChange } from '../../src/watch/changes.js';
import { stored, WEB } from '../watch/fixtures.js';

const watch: WatchFacts = {
  id: 'w3k9p',
  targets: 'web-1',
  ports: '22,80,443,3389',
  udp: false,
  schedule: { kind: 'every', seconds: 21_600 },
  nextRun: new Date('2025-03-04T18:00:00Z'),
};

const opened = (port: number, service: string | null = null): WatchChange => ({ kind: 'port', host: WEB, protocol: 'tcp', port, service, from: 'closed', to: 'open' });

const count = (text: string, part: string): number => text.split(part).length - 1;

test('an opened risky port: the risk mark, the host, the port by the name people know, its note', () => {
  const reply = watchAlertReply(watch, [opened(3389, 'ms-wbt-server')])!;
  assert.equal(
    reply.summary,
    '⚠️ web-1 (10.0.0.5): 3389/tcp (Remote Desktop Protocol) is now open (was closed) — Windows Remote Desktop: a classic ransomware entry when reachable from the internet',
  );
  assert.equal(reply.title, 'Watch w3k9p: web-1 changed');
  assert.equal(reply.tone, 'danger');
  assert.equal(reply.visibility, 'channel');
  assert.deepEqual(reply.sections, [], 'one change: said in the summary only');
  assert.deepEqual(reply.actions, [{ kind: 'explain', label: 'Explain 3389/tcp', query: '3389/tcp' }]);
  assert.deepEqual(reply.notes, ['⚠️ marks services that are risky to expose beyond a trusted network.', 'Watch w3k9p scans every 6 hours; /watch stop w3k9p ends it.']);
  const text = replyText(reply);
  assert.equal(count(text, '3389/tcp (Remote Desktop Protocol)'), 1);
  assert.equal(count(text, 'ransomware'), 1);
});

test('nothing changed: nothing to post', () => {
  assert.equal(watchAlertReply(watch, []), undefined);
});

test('several changes: a count in the summary, one line each in one section', () => {
  const changes: WatchChange[] = [
    opened(443, 'https'),
    { kind: 'port', host: WEB, protocol: 'tcp', port: 22, service: 'ssh', from: 'open', to: 'closed' },
    { kind: 'flapping', host: WEB, protocol: 'tcp', port: 8080, service: 'http-proxy', changes: 3, runs: 5, last: 'open' },
    { kind: 'host-down', host: { target: 'web-2', address: '10.0.0.6' }, reason: 'no-response' },
    { kind: 'ports', what: 'port', host: WEB, protocol: 'tcp', from: 'closed', to: 'filtered', count: 1022, ranges: [[1, 21], [23, 442], [444, 1024]] },
  ];
  const reply = watchAlertReply(watch, changes)!;
  assert.equal(reply.summary, '5 changes since the last run.');
  assert.equal(reply.tone, 'warning');
  assert.deepEqual(reply.sections[0]!.text.split('\n'), [
    'web-1 (10.0.0.5): 443/tcp (HTTPS) is now open (was closed) — Web server over TLS (HTTPS)',
    'web-1 (10.0.0.5): 22/tcp (Secure Shell) is now closed (was open)',
    'web-1 (10.0.0.5): 8080/tcp (Alternate HTTP) flapped 3 times in the last 5 runs; last seen open. Quiet about it until it holds still.',
    'web-2 (10.0.0.6) stopped answering (no-response); its ports are compared again when it answers.',
    'web-1 (10.0.0.5): 1,022 tcp ports are now filtered (were closed): 1-21,23-442,444-1024',
  ]);
  assert.deepEqual(reply.notes, ['Watch w3k9p scans every 6 hours; /watch stop w3k9p ends it.'], 'no risk note without a risky port');
  assert.deepEqual(reply.actions, [{ kind: 'explain', label: 'Explain 443/tcp', query: '443/tcp' }]);
});

test('every kind of change has its line', () => {
  const host = { target: '10.0.0.7', address: '10.0.0.7' };
  assert.equal(changeLine({ kind: 'service', host: WEB, protocol: 'tcp', port: 443, service: 'ssh', state: 'open', from: 'https', to: 'ssh' }).text, 'web-1 (10.0.0.5): 443/tcp now answers as ssh (was https)');
  assert.equal(changeLine({ kind: 'steady', host: WEB, protocol: 'tcp', port: 8080, service: null, state: 'closed', runs: 5 }).text, 'web-1 (10.0.0.5): 8080/tcp (Alternate HTTP) stopped flapping: closed for the last 5 runs');
  assert.equal(changeLine({ kind: 'host-up', host, reason: 'syn-ack' }).text, '10.0.0.7 answers again (syn-ack).');
  assert.equal(changeLine({ kind: 'host-new', host, open: [{ protocol: 'tcp', port: 22, service: 'ssh' }] }).text, '10.0.0.7 answers, new to this watch: open 22/tcp (Secure Shell).');
  assert.equal(changeLine({ kind: 'host-new', host, open: [] }).text, '10.0.0.7 answers, new to this watch: no open ports.');
  assert.equal(changeLine({ kind: 'host-gone', host }).text, '10.0.0.7 is no longer in the results (its name may point elsewhere now).');
  const many = Array.from({ length: 12 }, (_, index): [number, number] => [index * 10, index * 10]);
  assert.equal(changeLine({ kind: 'ports', what: 'flapping', host, protocol: 'udp', to: 'open|filtered', count: 12, ranges: many }).text, '10.0.0.7: 12 udp ports are flapping; last seen open|filtered: 0,10,20,30,40,50,60,70,…');
  assert.equal(portName(40_123, 'tcp', null), '40123/tcp');
  assert.equal(portName(40_123, 'tcp', 'custom-app'), '40123/tcp (custom-app)');
});

test('untrusted text reaches the adapter as it came, to be escaped there', () => {
  const host = { target: '<@U123> *web*', address: '10.0.0.5' };
  const reply = watchAlertReply({ ...watch, targets: '<!channel>' }, [{ kind: 'host-gone', host }])!;
  assert.equal(reply.title, 'Watch w3k9p: <!channel> changed');
  assert.equal(reply.summary, '<@U123> *web* (10.0.0.5) is no longer in the results (its name may point elsewhere now).');
});

test('confirmed: id, ports, schedule and next run in the zone, and the baseline it compares with', () => {
  const baseline = stored({ open: [22, 3389] }, { target: 'web-2', address: '10.0.0.6', down: true });
  const reply = watchConfirmedReply({ ...watch, schedule: { kind: 'daily', at: '06:00', timeZone: 'Europe/Berlin' }, nextRun: new Date('2025-03-05T05:00:00Z') }, baseline, 'Europe/Berlin');
  assert.equal(reply.title, 'Watching web-1 (watch w3k9p)');
  assert.equal(reply.summary, 'ports 22,80,443,3389, daily at 06:00 (Europe/Berlin); next run Wed 5 Mar 06:00 CET.');
  assert.equal(reply.visibility, 'channel');
  assert.deepEqual(reply.sections, [
    { heading: 'Baseline', text: 'web-1 (10.0.0.5): 2 open, 101 closed (open: 22/tcp (Secure Shell), 3389/tcp (Remote Desktop Protocol))\nweb-2 (10.0.0.6): not answering (host-unreach)' },
  ]);
  assert.deepEqual(reply.notes, ['portbot posts here only when something changes. /watch stop w3k9p ends it.']);
  const udp = watchConfirmedReply({ ...watch, ports: null, udp: true }, stored({ open: [53], protocol: 'udp' }), 'UTC');
  assert.equal(udp.summary, 'common ports (UDP), every 6 hours; next run Tue 4 Mar 18:00 UTC.');
});

test('list: one line a watch, paused ones say why; none says how to start one; only for whoever asked', () => {
  const reply = watchListReply(
    [watch, { ...watch, id: 'x7m2r', targets: '10.0.0.0/30', ports: null, paused: 'target-not-allowed', createdBy: 'Ana' }, { ...watch, id: 'y8n3s', paused: 'requester-not-allowed', createdBy: 'Ana' }],
    'UTC',
  );
  assert.equal(reply.visibility, 'requester');
  assert.equal(reply.summary, '3 watches in this channel; /watch stop <id> ends one.');
  assert.deepEqual(reply.sections[0]!.text.split('\n'), [
    'w3k9p · web-1 · ports 22,80,443,3389 · every 6 hours · next Tue 4 Mar 18:00 UTC',
    'x7m2r · 10.0.0.0/30 · common ports · every 6 hours · paused: 10.0.0.0/30 is no longer allowed · by Ana',
    'y8n3s · web-1 · ports 22,80,443,3389 · every 6 hours · paused: Ana may no longer scan · by Ana',
  ]);
  assert.equal(watchListReply([], 'UTC').summary, 'No watches in this channel. Start one with /watch web-1 22,80,443 every 6h.');
  assert.equal(watchListReply([], 'UTC', 'all').summary, 'No watches. Start one with /watch localhost 22,80 every 30m.');
});

test('stopped and paused are said in the channel, once each', () => {
  const stopped = watchStoppedReply(watch);
  assert.equal(stopped.summary, 'Watch w3k9p (ports 22,80,443,3389, every 6 hours) is stopped; portbot no longer scans for it.');
  assert.equal(stopped.visibility, 'channel');
  const paused = watchPausedReply({ ...watch, paused: 'target-not-allowed' });
  assert.equal(paused.summary, 'Paused: web-1 is no longer allowed, so portbot stopped scanning web-1 for this watch. Ask the operator; /watch stop w3k9p ends it.');
  assert.equal(paused.visibility, 'channel');
  assert.equal(watchPausedReply({ ...watch, paused: 'requester-not-allowed' }).summary.startsWith('Paused: the person who started it may no longer scan'), true);
  assert.match(watchPausedReply({ ...watch, paused: 'over-limit' }).summary, /^Paused: it is larger than portbot's limits now allow/);
});
