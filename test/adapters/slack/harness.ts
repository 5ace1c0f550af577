// Starts the Slack stand-in and the real Slack adapter (real Bolt) wired to a bot, and reads the
// answers back out of the recorded calls.
import { testService } from '../../scan/test-service.js';
import { after } from 'node:test';
import { pino } from 'pino';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { loadConfig, type Config } from '../../../src/config.js';
import type { Bot } from '../../../src/commands/types.js';
import { createBot } from '../../../src/commands/bot.js';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/index.js';
import type { ResponseUrlLifetime } from '../../../adapters/slack/response-url.js';
import { SlackApiStandIn, type SlackStandInOptions } from './stand-in-api.js';
import { SocketModeStandIn } from './stand-in-socket.js';
import { signingSecret } from './requests.js';
import { SettlingBot } from '../settling-bot.js';

export const testLogger = () => pino({ level: process.env['PORTBOT_TEST_LOG'] ?? 'silent' });

/** The real bot: real policy (loopback allowed), real scanner. */
export function realBot(config: Config): Bot {
  return createBot({ config, service: testService(config), audit: { record: () => undefined } });
}

export interface RunningSlack {
  readonly api: SlackApiStandIn;
  readonly socket: SocketModeStandIn | undefined;
  readonly adapter: SlackAdapter;
  readonly bot: SettlingBot;
  readonly config: Config;
  /** The HTTP port Bolt listens on (HTTP mode). */
  readonly port: number;
  stop(): Promise<void>;
}

export const loopbackEnv = { PORTBOT_ALLOWLIST: '127.0.0.1', PORTBOT_SCANS_PER_MINUTE: '1000', PORTBOT_CONCURRENT_SCANS_PER_USER: '100' };

// A failed or timed-out test never reaches its own stop(); its listening servers would then keep
// the test process alive. Whatever is still running when the file ends is stopped here.
const stillRunning = new Set<RunningSlack>();
after(async () => {
  for (const running of stillRunning) await running.stop();
});

export interface SlackTestOptions extends SlackStandInOptions {
  /** response_urls last this long in the stand-in, and the adapter is told so (moving `moveBeforeMs` before). */
  readonly responseUrlLifetime?: ResponseUrlLifetime;
}

export async function startSlack(makeBot: (config: Config) => Bot, env: Record<string, string> = {}, mode: 'http' | 'socket' = 'http', options: SlackTestOptions = {}): Promise<RunningSlack> {
  const lifetime = options.responseUrlLifetime;
  const api = await SlackApiStandIn.start({ ...options, ...(lifetime === undefined ? {} : { responseUrlLifetimeMs: lifetime.lifetimeMs }) });
  const socket = mode === 'socket' ? await SocketModeStandIn.start() : undefined;
  if (socket !== undefined) api.socketUrl = socket.url;
  const modeEnv = socket === undefined ? { SLACK_SIGNING_SECRET: signingSecret, PORT: '0' } : { SLACK_APP_TOKEN: 'xapp-stand-in' };
  const config = loadConfig({ ...loopbackEnv, SLACK_BOT_TOKEN: 'xoxb-stand-in', SLACK_API_URL: api.apiUrl, ...modeEnv, ...env });
  const adapter = createSlackAdapter(config, testLogger(), lifetime === undefined ? {} : { responseUrlLifetime: lifetime });
  const bot = new SettlingBot(makeBot(config));
  try {
    await adapter.start(bot);
  } catch (error) {
    await Promise.all([api.close(), socket?.close()]);
    throw error;
  }
  const running: RunningSlack = {
    api,
    socket,
    adapter,
    bot,
    config,
    port: adapter.httpPort ?? 0,
    async stop() {
      if (!stillRunning.delete(running)) return;
      await bot.shutdown();
      await adapter.stop();
      await Promise.all([api.close(), socket?.close()]);
    },
  };
  stillRunning.add(running);
  return running;
}

/** A listening loopback port and a port that refuses (bound once, then released). */
export async function loopbackPorts(): Promise<{ readonly open: number; readonly closed: number; close(): Promise<void> }> {
  const listen = async (): Promise<Server> => {
    const server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return server;
  };
  const open = await listen();
  const spare = await listen();
  const closed = (spare.address() as AddressInfo).port;
  await new Promise<void>((resolve) => spare.close(() => resolve()));
  return {
    open: (open.address() as AddressInfo).port,
    closed,
    close: () => new Promise<void>((resolve) => open.close(() => resolve())),
  };
}
