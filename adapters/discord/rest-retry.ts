// Which Discord calls may be repeated. The client is built with `retries: 0`: @discordjs/rest
// would otherwise repeat any request after a 5xx or a dropped connection (three times by default),
// and a follow-up, reply or DM that Discord had already stored would then be posted twice. 429s
// are unaffected (Discord did not process those; discord.js waits and retries them itself). Edits,
// deletions and the deferral are safe to repeat, so they go through `retryIdempotent`.
import { setTimeout as sleep } from 'node:timers/promises';
import { DiscordAPIError, HTTPError } from 'discord.js';

const ATTEMPTS = 3;
const FIRST_WAIT_MS = 250;
/** "Interaction has already been acknowledged": a repeated deferral whose first attempt got through. */
const ALREADY_ACKNOWLEDGED = 40060;

/** A server error or a lost connection: Discord may or may not have done what was asked. */
export function isUncertainFailure(error: unknown): boolean {
  if (error instanceof HTTPError) return error.status >= 500;
  if (error instanceof DiscordAPIError) return false;
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && (error.name === 'AbortError' || code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || /fetch failed|ECONNRESET|socket/i.test(error.message));
}

/** Runs an edit, deletion or deferral, repeating it (with a short backoff) after uncertain failures. */
export async function retryIdempotent<T>(call: () => Promise<T>): Promise<T | undefined> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error: unknown) {
      if (attempt > 1 && error instanceof DiscordAPIError && error.code === ALREADY_ACKNOWLEDGED) return undefined;
      if (!isUncertainFailure(error) || attempt >= ATTEMPTS) throw error;
      await sleep(FIRST_WAIT_MS * 2 ** (attempt - 1));
    }
  }
}
