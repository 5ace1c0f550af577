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
    rest: config.DISCORD_API_URL === undefined ? {} : { api: config.DISCORD_API_URL },
    // A second guard behind the per-message setting: nothing portbot sends pings anyone.
    allowedMentions: NO_MENTIONS,
  });
}
