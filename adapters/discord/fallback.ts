// When the final answer cannot be delivered after the acknowledgement, the person still gets one
// short plain-text line through whatever route still works, instead of a "thinking…" or a
// progress message with a live-looking Cancel button left behind.
import type { Logger } from 'pino';
import { NO_MENTIONS } from './render.js';

/** Nothing of the answer itself: the line may land where the answer was not meant to be seen. */
export const FALLBACK_LINE =
  'portbot finished, but Discord did not accept its answer here. Run the command again; if this keeps happening, the operator can find the details in portbot’s log.';

export const fallbackMessage = { content: FALLBACK_LINE, embeds: [], components: [], files: [], allowedMentions: NO_MENTIONS };

/** Tries each route in turn until one works; throws `original` when none does. */
export async function firstThatWorks(routes: readonly (() => Promise<unknown>)[], original: unknown, logger: Logger): Promise<void> {
  logger.error({ err: original }, 'discord: the final answer could not be delivered; sending a short note instead');
  for (const route of routes) {
    try {
      await route();
      return;
    } catch (error: unknown) {
      logger.warn({ err: error }, 'discord: a fallback route failed too');
    }
  }
  throw original;
}
