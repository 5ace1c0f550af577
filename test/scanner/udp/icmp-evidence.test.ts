// The rate-limit reasoning on its own: which silent ports a batch proves silent, and how the
// pacing reacts to what a batch drew.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IcmpPacer, provenSilent, type BatchOutcome } from '../../../src/scanner/udp/icmp-evidence.js';
import { udpVerdictFor } from '../../../src/scanner/udp/icmp-verdict.js';

test('a silent port is proven silent only when a later datagram of its batch drew an ICMP error', () => {
  const batch: BatchOutcome[] = ['silent', 'icmp', 'silent', 'answer', 'silent', 'icmp', 'silent'];
  assert.deepEqual(provenSilent(batch, false), [true, false, true, false, true, false, false]);
});

test('a canary that drew nothing proves nothing: the bucket may have been empty', () => {
  assert.deepEqual(provenSilent(['silent', 'silent', 'silent'], false), [false, false, false]);
});

test('with no error spent this scan and time for a refill, a batch without any error proves its silent ports', () => {
  assert.deepEqual(provenSilent(['silent', 'answer', 'silent'], true), [true, false, true]);
  // But once an error came back, only the ordering counts.
  assert.deepEqual(provenSilent(['silent', 'icmp', 'silent'], true), [true, false, false]);
});

test('ports that never left this machine or failed locally are never proven silent', () => {
  assert.deepEqual(provenSilent(['not-sent', 'final-local', 'icmp'], false), [false, false, false]);
});

test('pacing: an empty bucket slows the batches, an error speeds them up, a settled window widens', () => {
  const pacer = new IcmpPacer({ initialIntervalMs: 100, minIntervalMs: 20, maxIntervalMs: 150, initialWindow: 4, maxWindow: 8 });
  pacer.afterBatch({ hadCanary: true, icmpErrors: 0, windowResolved: false });
  assert.equal(pacer.intervalMs, 130);
  pacer.afterBatch({ hadCanary: true, icmpErrors: 0, windowResolved: false });
  assert.equal(pacer.intervalMs, 150, 'capped');
  pacer.afterBatch({ hadCanary: true, icmpErrors: 1, windowResolved: true });
  assert.ok(pacer.intervalMs < 150);
  assert.equal(pacer.window, 8);
  pacer.afterBatch({ hadCanary: true, icmpErrors: 1, windowResolved: true });
  assert.equal(pacer.window, 8, 'capped');
  const noCanary = new IcmpPacer();
  const before = noCanary.intervalMs;
  noCanary.afterBatch({ hadCanary: false, icmpErrors: 0, windowResolved: false });
  assert.equal(noCanary.intervalMs, before, 'without a canary, silence says nothing about the bucket');
});

test('socket errors map to nmap -sU states, local failures are told apart from ICMP', () => {
  assert.deepEqual(udpVerdictFor('ECONNREFUSED', false), { kind: 'final', state: 'closed', reason: 'port-unreach', icmp: true });
  assert.deepEqual(udpVerdictFor('EHOSTUNREACH', false), { kind: 'final', state: 'filtered', reason: 'admin-prohibited', icmp: true });
  assert.deepEqual(udpVerdictFor('EACCES', false), { kind: 'final', state: 'filtered', reason: 'admin-prohibited', icmp: true });
  assert.deepEqual(udpVerdictFor('ENETUNREACH', false), { kind: 'final', state: 'filtered', reason: 'net-unreach', icmp: true });
  assert.deepEqual(udpVerdictFor('EHOSTUNREACH', true), { kind: 'final', state: 'filtered', reason: 'host-unreach', icmp: false });
  assert.deepEqual(udpVerdictFor('EPERM', false), { kind: 'final', state: 'filtered', reason: 'admin-prohibited', icmp: false });
  assert.deepEqual(udpVerdictFor('EMFILE', false), { kind: 'local-resource' });
  assert.deepEqual(udpVerdictFor('EWHATEVER', false), { kind: 'unanswered' });
});
