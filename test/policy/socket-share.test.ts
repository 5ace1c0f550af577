// One global socket cap, shared max-min fairly and re-shared as scans start and end.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createScanPolicy } from '../../src/policy/scan-policy.js';
import { createSocketPool } from '../../src/policy/socket-share.js';
import { config, slackUser, tcp } from './helpers.js';

test('a lone scan may use the whole cap, or what it can use if that is less', () => {
  const pool = createSocketPool(100);
  const big = pool.join(65535);
  assert.equal(big.current(), 100);
  big.leave();
  const small = pool.join(3);
  assert.equal(small.current(), 3);
  small.leave();
});

test('a second scan halves the first one at once, and the first gets it all back when it ends', () => {
  const pool = createSocketPool(100);
  const fullRange = pool.join(65535);
  const other = pool.join(65535);
  assert.deepEqual([fullRange.current(), other.current()], [50, 50]);
  const third = pool.join(65535);
  assert.deepEqual([fullRange.current(), other.current(), third.current()], [33, 33, 34]);
  other.leave();
  third.leave();
  assert.equal(fullRange.current(), 100);
  assert.equal(pool.running, 1);
  fullRange.leave();
});

test('a small scan takes only what it needs and leaves the rest to the big ones', () => {
  const pool = createSocketPool(100);
  const fullRange = pool.join(65535);
  const threePorts = pool.join(3);
  const thousand = pool.join(1000);
  assert.deepEqual([threePorts.current(), fullRange.current(), thousand.current()], [3, 49, 48]);
  assert.ok(fullRange.current() + threePorts.current() + thousand.current() <= 100);
});

test('with more scans than sockets each scan still gets one; leave() is idempotent', () => {
  const pool = createSocketPool(2);
  const seats = [pool.join(10), pool.join(10), pool.join(10)];
  assert.deepEqual(
    seats.map((seat) => seat.current()),
    [1, 1, 1],
  );
  seats[0]!.leave();
  seats[0]!.leave();
  assert.equal(pool.running, 2);
  assert.deepEqual([seats[1]!.current(), seats[2]!.current()], [1, 1]);
  seats[1]!.leave();
  assert.equal(seats[2]!.current(), 2);
});

test('grants share PORTBOT_MAX_SOCKETS between users, and release() hands the share back', async () => {
  const policy = createScanPolicy(config({ PORTBOT_ALLOWLIST: '10.0.0.0/24', PORTBOT_MAX_SOCKETS: '1000' }), { loopbackWhenUnconfigured: false });
  const ports = Array.from({ length: 65535 }, (_, index) => index + 1);
  const alice = await policy.authoriseScan(slackUser('U1'), '10.0.0.5', tcp(...ports));
  assert.ok(alice.ok);
  assert.equal(alice.value.concurrency.current(), 1000);
  const bob = await policy.authoriseScan(slackUser('U2'), '10.0.0.6', tcp(22, 80, 443));
  assert.ok(bob.ok);
  assert.deepEqual([alice.value.concurrency.current(), bob.value.concurrency.current()], [997, 3]);
  const carol = await policy.authoriseScan(slackUser('U3'), '10.0.0.7', tcp(...ports));
  assert.ok(carol.ok);
  assert.deepEqual([alice.value.concurrency.current(), carol.value.concurrency.current()], [498, 499]);
  carol.value.release();
  carol.value.release();
  bob.value.release();
  assert.equal(alice.value.concurrency.current(), 1000);
  alice.value.release();
});
