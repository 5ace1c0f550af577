// The Slack app: Bolt in HTTP mode (signed requests on PORT at /slack/events; Bolt answers forged
// or stale ones with 401) or in Socket Mode when an app token is configured. The bot token is
// checked with auth.test at start, so a wrong token stops startup instead of the first command.
import { App } from '@slack/bolt';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Config } from '../../src/config.js';
import type { Bot, ChatAdapter } from '../../src/commands/types.js';
import { PortbotError } from '../../src/errors.js';
import { boltLevel, boltLogger } from './bolt-logger.js';
import { registerHandlers } from './handlers.js';
import { slackPlaceCheck } from './place-check.js';
import { postToPlace } from './post.js';
import { SLACK_RESPONSE_URL_LIFETIME, type ResponseUrlLifetime } from './response-url.js';
import { slackStartFailure } from './start-error.js';
import { baseClientOptions, createPostingClient, type SlackClients } from './web-clients.js';

export interface SlackAdapter extends ChatAdapter {
  readonly mode: 'http' | 'socket';
  /** The port HTTP mode listens on once started (useful with PORT=0); undefined in Socket Mode. */
  readonly httpPort: number | undefined;
}

export interface SlackAdapterOptions {
  /** How long a response_url lasts and how often it may be used; tests shorten it (the stand-in expires them to match). */
  readonly responseUrlLifetime?: ResponseUrlLifetime;
}

export function createSlackAdapter(config: Config, logger: Logger, options: SlackAdapterOptions = {}): SlackAdapter {
  const token = config.SLACK_BOT_TOKEN;
  if (token === undefined) throw new PortbotError('invalid-config', 'SLACK_BOT_TOKEN is required for Slack (the xoxb-... token from OAuth & Permissions)');
  const appToken = config.SLACK_APP_TOKEN;
  const signingSecret = config.SLACK_SIGNING_SECRET;
  if (appToken === undefined && signingSecret === undefined) {
    throw new PortbotError('invalid-config', 'SLACK_SIGNING_SECRET is required for Slack HTTP mode (or set SLACK_APP_TOKEN to use Socket Mode)');
  }
  const log = logger.child({ adapter: 'slack' });
  const sdkLogger = boltLogger(log);
  const apiUrl = config.SLACK_API_URL === undefined ? {} : { slackApiUrl: config.SLACK_API_URL };
  const inFlight = new Set<Promise<void>>();
  let app: App | undefined;
  let clients: SlackClients | undefined;
  let httpPort: number | undefined;

  return {
    platform: 'slack',
    mode: appToken === undefined ? 'http' : 'socket',
    get httpPort() {
      return httpPort;
    },
    async start(bot: Bot) {
      if (app !== undefined) throw new PortbotError('slack-started', 'the Slack adapter is already running');
      const receiverOptions = appToken === undefined ? { signingSecret: signingSecret ?? '', port: config.PORT } : { socketMode: true, appToken };
      const started = new App({
        token,
        ...receiverOptions,
        deferInitialization: true,
        logger: sdkLogger,
        logLevel: boltLevel(log),
        clientOptions: baseClientOptions({ logger: sdkLogger, ...apiUrl }),
      });
      const made = { updating: started.client, posting: createPostingClient({ token, logger: sdkLogger, ...apiUrl }) };
      started.error((error) => {
        log.error({ err: error }, 'slack: a listener failed');
        return Promise.resolve();
      });
      try {
        await started.init();
        // The workspace the token belongs to: people of other workspaces (Slack Connect) may not
        // scan unless PORTBOT_ALLOWED_WORKSPACES lists theirs.
        const identity = await started.client.auth.test();
        const responseUrlLifetime = options.responseUrlLifetime ?? SLACK_RESPONSE_URL_LIFETIME;
        registerHandlers(started, { bot, clients: made, logger: log, inFlight, botWorkspaceId: identity.team_id, responseUrlLifetime });
        const server = (await started.start(config.PORT)) as unknown;
        if (appToken === undefined) httpPort = ((server as Server).address() as AddressInfo).port;
      } catch (error) {
        await started.stop().catch(() => undefined);
        throw new PortbotError('slack-start-failed', slackStartFailure(error, config.SLACK_API_URL ?? 'https://slack.com/api/'), { cause: error });
      }
      app = started;
      clients = made;
      sdkLogger.started();
      log.info({ mode: appToken === undefined ? 'http' : 'socket', port: httpPort }, 'slack: listening');
    },
    post(place, reply) {
      if (clients === undefined) return Promise.resolve({ delivered: false, reason: 'the Slack adapter is not running' });
      return postToPlace(clients, place, reply, log);
    },
    canPost: slackPlaceCheck(() => clients),
    async stop() {
      const running = app;
      app = undefined;
      clients = undefined;
      if (running === undefined) return;
      await running.stop();
      // Answers already under way still go out: the Web API does not depend on the receiver.
      await Promise.allSettled([...inFlight]);
    },
  };
}
