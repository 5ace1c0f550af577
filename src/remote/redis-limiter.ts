// The per-user limits in Redis, so every bot process behind one Redis enforces one limit: each
// user's running scans are a sorted set of leases (scored by when they lapse) and the per-minute
// rate a token bucket, both decided by one script on Redis's own clock (several machines' clocks
// never meet). A lease lapses unless its bot renews it, so a killed bot's slots come back by
// themselves. If Redis does not answer in time, this process decides alone (its memory limiter)
// and says so in the log: a Redis outage slows nobody down and never lifts the per-process limit.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { CommandLog } from '../log.js';
import { monotonicClock } from '../policy/clock.js';
import { createMemoryLimiter, type LimitDecision, type LimitSettings, type ScanLimiter } from '../policy/limiter.js';
import { QUEUE_PREFIX } from './queue-keys.js';
import { errorText } from './redis-connect.js';
import { redisOptions } from './redis-options.js';
import { withTimeout } from './time-bound.js';

export interface RedisLimiterTiming {
  /** A lease lapses this long after its last renewal. */
  readonly leaseMs: number;
  /** How long a decision may wait for Redis before this process decides alone. */
  readonly answerMs: number;
}

export const LIMITER_TIMING: RedisLimiterTiming = { leaseMs: 30_000, answerMs: 2000 };

/** KEYS: slots, bucket. ARGV: lease id, per user, lease ms, metered (1/0), per minute. Returns {taken, retryAfterMs}. */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return {0, 0} end
if ARGV[4] == '1' then
  local perMinute = tonumber(ARGV[5])
  local perMs = perMinute / 60000
  local tokens = tonumber(redis.call('HGET', KEYS[2], 't') or perMinute)
  local at = tonumber(redis.call('HGET', KEYS[2], 'a') or now)
  tokens = math.min(perMinute, tokens + (now - at) * perMs)
  if tokens < 1 then return {0, math.ceil((1 - tokens) / perMs)} end
  redis.call('HSET', KEYS[2], 't', tostring(tokens - 1), 'a', now)
  redis.call('PEXPIRE', KEYS[2], 60000)
end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
return {1, 0}`;

/** KEYS: slots. ARGV: lease id, lease ms. Pushes the lease's end out again (if it still exists). */
const RENEW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if redis.call('ZADD', KEYS[1], 'XX', 'CH', now + tonumber(ARGV[2]), ARGV[1]) == 1 then redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2])) end
return 1`;

/** Keys of the shared limits: `portbot:limits:*` (a bot's ACL needs them; an agent's does not). */
const limitKey = (kind: 'slots' | 'rate', key: string): string => `${QUEUE_PREFIX}:limits:${kind}:${key.replaceAll('\u0000', '|')}`;

export function createRedisLimiter(redisUrl: string, settings: LimitSettings, log: CommandLog, timing: RedisLimiterTiming = LIMITER_TIMING): ScanLimiter {
  const redis = new Redis({ ...redisOptions(redisUrl), maxRetriesPerRequest: 1, lazyConnect: true });
  redis.on('error', (error: Error) => log.error({ err: error.message }, 'shared limits: Redis connection problem'));
  const alone = createMemoryLimiter(settings, monotonicClock);

  async function shared(key: string, metered: boolean): Promise<LimitDecision> {
    const lease = randomBytes(8).toString('hex');
    const slots = limitKey('slots', key);
    const answer = (await redis.eval(ACQUIRE, 2, slots, limitKey('rate', key), lease, settings.perUser, timing.leaseMs, metered ? 1 : 0, settings.perMinute)) as [number, number];
    if (answer[0] !== 1) return answer[1] > 0 ? { ok: false, why: 'rate', retryAfterMs: answer[1] } : { ok: false, why: 'slots' };
    const renew = setInterval(() => void redis.eval(RENEW, 1, slots, lease, timing.leaseMs).catch(() => undefined), timing.leaseMs / 3).unref();
    let released = false;
    return {
      ok: true,
      release() {
        if (released) return;
        released = true;
        clearInterval(renew);
        // Not given back (Redis away)? The lease lapses by itself within leaseMs.
        void redis.zrem(slots, lease).catch(() => undefined);
      },
    };
  }

  return {
    async acquire(key, metered) {
      try {
        return await withTimeout(shared(key, metered), timing.answerMs);
      } catch (error) {
        log.error({ err: errorText(error) }, 'shared limits: Redis did not answer, this process decides alone');
        return alone.acquire(key, metered);
      }
    },
    async close() {
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
    },
  };
}
