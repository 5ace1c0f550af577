// The shared per-user limits on a real redis-server: two limiters (two bot processes' connections)
// enforce one slot count and one per-minute rate; a slot given back is free for the other; a
// bot that dies holding a slot loses it when its lease lapses; Redis gone means each process
// decides alone, never that nobody may scan.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { silentLog } from '../../src/log.js';
import { createRedisLimiter } from '../../src/remote/redis-limiter.js';
import type { ScanLimiter } from '../../src/policy/index.js';
import { redisSkipReason, startRedis, type RedisServer } from './redis-server.js';

describe('shared limits in Redis', { skip: redisSkipReason() }, () => {
  let redis: RedisServer;
  const made: ScanLimiter[] = [];
  const limiter = (perUser: number, perMinute: number, leaseMs = 30_000): ScanLimiter => {
    const one = createRedisLimiter(redis.url(), { perUser, perMinute }, silentLog, { leaseMs, answerMs: 2000 });
    made.push(one);
    return one;
  };
  before(async () => (redis = await startRedis()));
  after(async () => {
    for (const one of made) await one.close?.();
    redis?.stop();
  });

  test('two processes, one slot count: the second is refused until the first gives its slot back', async () => {
    const [a, b] = [limiter(1, 100), limiter(1, 100)];
    const first = await a.acquire('slack|T1|U1', true);
    assert.ok(first.ok);
    assert.deepEqual(await b.acquire('slack|T1|U1', true), { ok: false, why: 'slots' });
    assert.ok((await b.acquire('slack|T1|U2', true)).ok, 'another user has slots of their own');
    first.release();
    first.release();
    // The give-back is sent without waiting; the next decision is queued behind it on the connection.
    await a.acquire('nobody', false).then((other) => other.ok && other.release());
    const second = await b.acquire('slack|T1|U1', true);
    assert.ok(second.ok, 'the slot came back');
    second.release();
  });

  test('two processes, one rate: six scans a minute in all, then a wait in seconds', async () => {
    const [a, b] = [limiter(100, 6), limiter(100, 6)];
    const decisions = [];
    for (let index = 0; index < 7; index++) decisions.push(await (index % 2 === 0 ? a : b).acquire('discord|G1|U9', true));
    assert.deepEqual(decisions.map((decision) => decision.ok), [true, true, true, true, true, true, false]);
    const last = decisions[6]!;
    assert.ok(!last.ok && last.why === 'rate' && last.retryAfterMs > 0 && last.retryAfterMs <= 10_000, JSON.stringify(last));
    assert.ok((await a.acquire('discord|G1|U9', false)).ok, 'the console and CLI are not metered');
  });

  test("a slot whose bot died comes back when its lease lapses; a held one is renewed", async () => {
    const dead = limiter(1, 100, 600);
    const held = await dead.acquire('slack|T1|U3', false);
    assert.ok(held.ok);
    await dead.close?.(); // the process is gone: no renewal, no give-back
    const other = limiter(1, 100, 600);
    assert.deepEqual(await other.acquire('slack|T1|U3', false), { ok: false, why: 'slots' });
    const renewing = await other.acquire('slack|T1|U4', false);
    // Waits for the lapse as Redis counts it: the key's TTL is the lease.
    while (redis.cli('PTTL', 'portbot:limits:slots:slack|T1|U3').trim() !== '-2') await delay(100);
    assert.ok((await other.acquire('slack|T1|U3', false)).ok, 'the lapsed lease freed the slot');
    assert.ok(renewing.ok);
    assert.equal(redis.cli('ZCARD', 'portbot:limits:slots:slack|T1|U4').trim(), '1', 'a held slot stays held past its first lease');
    renewing.release();
  });

  test('Redis out of reach: this process decides alone, within the bound', async () => {
    const away = createRedisLimiter('redis://127.0.0.1:1', { perUser: 1, perMinute: 100 }, silentLog, { leaseMs: 30_000, answerMs: 300 });
    made.push(away);
    const first = await away.acquire('slack|T1|U5', false);
    assert.ok(first.ok);
    assert.deepEqual(await away.acquire('slack|T1|U5', false), { ok: false, why: 'slots' }, 'the per-process limit still holds');
  });
});
