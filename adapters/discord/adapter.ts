// The Discord adapter: a thin translator between discord.js events and the bot core.
import { Events } from 'discord.js';
import type { Client } from 'discord.js';
import type { Logger } from 'pino';
import type { Config } from '../../src/config.js';
import { PortbotError } from '../../src/errors.js';
import type { Bot, ChatAdapter } from '../../src/commands/types.js';
import { createClient } from './client.js';
import type { HandlerContext } from './context.js';
import { handleInteraction } from './interactions.js';
import { handleMessage } from './mentions.js';
import { postToPlace } from './post.js';
import { ActionCodec } from './render-actions.js';
import { DISCORD_TOKEN_LIFETIME, type TokenLifetime } from './token-lifetime.js';

/** How long stop() waits for commands in flight to post their final answers. */
const DRAIN_MS = 10_000;

class InFlight {
  private readonly running = new Set<Promise<void>>();

  track(work: Promise<void>): void {
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  async drain(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
    await Promise.race([Promise.allSettled([...this.running]), timeout]);
    clearTimeout(timer);
  }
}

function wire(client: Client, context: HandlerContext, inFlight: InFlight): void {
  client.on(Events.InteractionCreate, (interaction) => inFlight.track(handleInteraction(interaction, context)));
  client.on(Events.MessageCreate, (message) => {
    if (client.user !== null) inFlight.track(handleMessage(message, client.user, context));
  });
  client.on(Events.Error, (error) => context.logger.error({ err: error }, 'discord: client error'));
  client.on(Events.Warn, (warning) => context.logger.warn(`discord: ${warning}`));
  // discord.js waits out every 429 itself and retries it; this only makes the wait visible.
  client.rest.on('rateLimited', (info) => context.logger.warn({ route: info.route, retryAfterMs: info.retryAfter }, 'discord: rate limited, waiting'));
}

export interface DiscordAdapterOptions {
  /** How long interaction tokens last; tests shorten it (and the stand-in expires them to match). */
  readonly tokenLifetime?: TokenLifetime;
}

export function createDiscordAdapter(config: Config, logger: Logger, options: DiscordAdapterOptions = {}): ChatAdapter {
  let client: Client | null = null;
  let ready = false;
  const inFlight = new InFlight();
  const codec = new ActionCodec();
  return {
    platform: 'discord',
    async start(bot: Bot): Promise<void> {
      const token = config.DISCORD_TOKEN;
      if (token === undefined) throw new PortbotError('discord-not-configured', 'DISCORD_TOKEN is not set: the Discord adapter needs the bot token');
      const started = createClient(config);
      client = started;
      wire(started, { bot, config, logger, codec, lifetime: options.tokenLifetime ?? DISCORD_TOKEN_LIFETIME }, inFlight);
      const connected = new Promise<void>((resolve) => started.once(Events.ClientReady, () => resolve()));
      try {
        await started.login(token);
      } catch (error: unknown) {
        throw new PortbotError('discord-login-failed', `could not connect to Discord: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      await connected;
      ready = true;
      logger.info({ user: started.user?.tag, guilds: started.guilds.cache.size }, 'discord: connected');
    },
    post(place, reply) {
      if (client === null || !ready) return Promise.resolve({ delivered: false, reason: 'the Discord adapter is not connected' });
      return postToPlace(client, codec, place, reply, logger);
    },
    async stop(): Promise<void> {
      ready = false;
      // Commands in flight were cancelled by bot.shutdown(); let their final answers go out first.
      await inFlight.drain(DRAIN_MS);
      await client?.destroy();
      client = null;
    },
  };
}
