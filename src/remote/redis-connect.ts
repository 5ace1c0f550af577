// The agent's own Redis connection (heartbeats, cancel keys), opened within a bound at start so a
// wrong URL, a refused password or a certificate that does not verify is one line and exit 1,
// not an agent that waits forever.
import type { Redis } from 'ioredis';
import { PortbotError } from '../errors.js';
import { shownUrl } from '../shown-url.js';
import { withTimeout } from './time-bound.js';

/** The first connection, within `timeoutMs`; its failure is one line with the cause ioredis saw. */
export async function connectOrExplain(redis: Redis, url: string, timeoutMs: number): Promise<void> {
  // ioredis rejects connect() with "Connection is closed"; the reason came as an 'error' event.
  let cause: unknown;
  const remember = (error: unknown): void => void (cause ??= error);
  redis.on('error', remember);
  try {
    await withTimeout(
      redis.connect().then(() => redis.ping()),
      timeoutMs,
    );
  } catch (error) {
    redis.disconnect();
    throw new PortbotError('redis-unreachable', `cannot use Redis at ${shownUrl(url, 'PORTBOT_REDIS_URL')}: ${errorText(cause ?? error)}; check PORTBOT_REDIS_URL`, { cause: cause ?? error });
  } finally {
    redis.off('error', remember);
  }
}

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
