// Scans per user per minute as a token bucket: a burst up to the limit is fine, after that one
// new scan every 60/limit seconds. Buckets that have refilled are forgotten, so memory tracks the
// users active in the last minute, not every user ever seen.
import type { Clock } from './clock.js';

export type TakeResult = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

export interface TokenBuckets {
  take(key: string): TakeResult;
}

export function createTokenBuckets(perMinute: number, clock: Clock): TokenBuckets {
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();

  const level = (key: string, now: number): number => {
    const bucket = buckets.get(key);
    return bucket === undefined ? perMinute : Math.min(perMinute, bucket.tokens + (now - bucket.at) * perMs);
  };

  const forgetFull = (now: number): void => {
    for (const key of buckets.keys()) if (level(key, now) >= perMinute) buckets.delete(key);
  };

  return {
    take(key) {
      const now = clock.now();
      if (buckets.size > 1000) forgetFull(now);
      const tokens = level(key, now);
      if (tokens < 1) return { ok: false, retryAfterMs: Math.ceil((1 - tokens) / perMs) };
      buckets.set(key, { tokens: tokens - 1, at: now });
      return { ok: true };
    },
  };
}
