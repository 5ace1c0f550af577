// The per-user limits as one decision: a concurrent-scan slot and, for chat users, a token of the
// per-minute rate, both taken or neither. Behind an interface so several bot processes can share
// one limit (remote/redis-limiter.ts keeps it in Redis); this file's limiter keeps it in memory,
// which is exact for one process and the default.
import type { Clock } from './clock.js';
import { createTokenBuckets } from './rate-limit.js';
import { createUserSlots } from './user-slots.js';

export type LimitDecision =
  /** `release()` gives the slot back; call it once when the scan ends (again is harmless). */
  | { readonly ok: true; release(): void }
  | { readonly ok: false; readonly why: 'slots' }
  | { readonly ok: false; readonly why: 'rate'; readonly retryAfterMs: number };

export interface ScanLimiter {
  /** Takes one of `key`'s slots and, when `metered`, one of its per-minute tokens. Never rejects. */
  acquire(key: string, metered: boolean): Promise<LimitDecision>;
  /** Lets go of what the limiter holds (a connection); the in-memory one holds nothing. */
  close?(): Promise<void>;
}

export interface LimitSettings {
  readonly perUser: number;
  readonly perMinute: number;
}

export function createMemoryLimiter(settings: LimitSettings, clock: Clock): ScanLimiter {
  const slots = createUserSlots(settings.perUser);
  const buckets = createTokenBuckets(settings.perMinute, clock);
  return {
    acquire(key, metered) {
      if (!slots.tryTake(key)) return Promise.resolve({ ok: false, why: 'slots' });
      const token = metered ? buckets.take(key) : { ok: true as const };
      if (!token.ok) {
        slots.give(key);
        return Promise.resolve({ ok: false, why: 'rate', retryAfterMs: token.retryAfterMs });
      }
      let released = false;
      return Promise.resolve({
        ok: true,
        release() {
          if (released) return;
          released = true;
          slots.give(key);
        },
      });
    },
  };
}
