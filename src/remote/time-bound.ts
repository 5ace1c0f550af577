// A bound on waiting for Redis: ioredis keeps retrying a lost connection (as it should, for a
// long-running agent or bot), so each wait that someone is owed an answer for has its own limit.

/** `work`, or a rejection saying nothing answered within `ms`. */
export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(ms / 1000)} s`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
