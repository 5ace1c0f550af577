// One global socket cap, shared max-min fairly and re-shared as scans start and end.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createInProcessExecutor, type Scanner } from '../../src/scan/index.js';
import { createSocketPool } from '../../src/scan/socket-share.js';
import type { ConcurrencyShare } from '../../src/scanner/types.js';

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

test('the in-process executor shares PORTBOT_MAX_SOCKETS between its scans, and a finished scan hands its share back', async () => {
  const shares = new Map<string, ConcurrencyShare>();
  const finish = new Map<string, () => void>();
  // A scanner that only holds its share until the test lets it finish.
  const held: Scanner = (addresses, _ports, options) =>
    new Promise((resolve) => {
      const target = addresses[0]!.target;
      shares.set(target, options!.concurrency!);
      finish.set(target, () => resolve({ hosts: [], durationMs: 0, cancelled: false }));
    });
  const executor = createInProcessExecutor({ maxSockets: 1000, scan: held });
  const run = (jobId: string, target: string, ports: string): Promise<unknown> => {
    const spec = { jobId, targets: { kind: 'checked' as const, addresses: [{ target, address: '10.0.0.5', family: 4 as const }] }, ports, protocol: 'tcp' as const, options: { services: false, allHosts: false } };
    return (async () => {
      for await (const _event of executor.execute(spec)) {
        // drained: the job ends when its scan does
      }
    })();
  };
  const alice = run('aaaaa', 'alice', '1-65535');
  await until(() => shares.has('alice'));
  assert.equal(shares.get('alice')!.current(), 1000);
  const bob = run('bbbbb', 'bob', '22,80,443');
  await until(() => shares.has('bob'));
  assert.deepEqual([shares.get('alice')!.current(), shares.get('bob')!.current()], [997, 3]);
  const carol = run('ccccc', 'carol', '1-65535');
  await until(() => shares.has('carol'));
  assert.deepEqual([shares.get('alice')!.current(), shares.get('carol')!.current()], [498, 499]);
  finish.get('carol')!();
  finish.get('bob')!();
  await Promise.all([carol, bob]);
  assert.equal(shares.get('alice')!.current(), 1000);
  finish.get('alice')!();
  await alice;
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
