// The discord.js client portbot needs, and no more: Guilds (commands, buttons, the member's roles)
// and GuildMessages (mentions). Not the privileged MessageContent intent: Discord includes the
// content of messages that mention the bot anyway.
import { Client, GatewayIntentBits } from 'discord.js';
import type { Config } from '../../src/config.js';
import { NO_MENTIONS } from './render.js';

export function createClient(config: Config): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    // REST goes to DISCORD_API_URL; the gateway address then comes from that base's
    // GET /gateway/bot, so one setting moves the whole client (proxies, test stand-ins).
    // retries: 0: no blind repeat after a 5xx or a lost connection, which could post a message
    // twice; rest-retry.ts repeats only what is safe to repeat. 429s are still waited out.
    rest: { retries: 0, ...(config.DISCORD_API_URL === undefined ? {} : { api: config.DISCORD_API_URL }) },
    // A second guard behind the per-message setting: nothing portbot sends pings anyone.
    allowedMentions: NO_MENTIONS,
  });
}
