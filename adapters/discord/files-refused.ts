// A message whose files Discord will not take (too large for the guild, more than it allows, no
// Attach Files permission) is sent again without them, with a line saying why, instead of losing
// the whole answer to the fallback note.
import { DiscordAPIError } from 'discord.js';
import type { DiscordMessage, RenderOptions } from './render.js';

/** Discord's codes for refused files: 40005 request entity too large, 50013 missing permissions, 50035 invalid form body (too many files). */
export function filesRefusal(error: unknown): string | undefined {
  if (!(error instanceof DiscordAPIError)) return undefined;
  if (error.code === 40005 || error.status === 413) return 'Discord refused the files as too large for this server';
  if (error.code === 50013) return 'portbot may not attach files here (the Attach Files permission)';
  if (error.code === 50035 && /files|attachments/.test(JSON.stringify(error.rawError))) return 'Discord refused the files of this message';
  return undefined;
}

/** Sends `render()`; when Discord refuses its files, sends it once more without them. */
export async function sendRefusingFiles(render: (options?: Pick<RenderOptions, 'filesRefused'>) => DiscordMessage, send: (message: DiscordMessage) => Promise<unknown>): Promise<void> {
  const message = render();
  try {
    await send(message);
  } catch (error: unknown) {
    const why = message.files.length === 0 ? undefined : filesRefusal(error);
    if (why === undefined) throw error;
    await send(render({ filesRefused: why }));
  }
}
