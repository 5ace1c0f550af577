// Discord on loopback: one HTTP server for REST whose GET /gateway/bot points at a WebSocket
// gateway on the same port. discord.js is configured with `rest: { api: standIn.apiUrl }` and
// finds everything else itself, exactly as it does against discord.com.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayStandIn } from './stand-in-gateway.js';
import { standInIds, type StandInIds } from './ids.js';
import { RestStandIn, type RecordedCall } from './stand-in-rest.js';

export interface StandInOptions {
  /** HELLO's heartbeat interval; short in tests that check heartbeats are acknowledged. */
  readonly heartbeatIntervalMs?: number;
  /** Id of the guild's text channel (mentions only arrive in channels discord.js has cached). */
  readonly channelId?: string;
  /** Id of the one guild, when a test must name it in the configuration before the stand-in starts. */
  readonly guildId?: string;
  /** How long interaction tokens work (Discord: 15 minutes); afterwards their calls get 401. */
  readonly tokenLifetimeMs?: number;
}

export class DiscordStandIn {
  readonly ids: StandInIds;
  readonly rest: RestStandIn;
  readonly gateway: GatewayStandIn;
  private constructor(
    private readonly server: Server,
    options: StandInOptions,
  ) {
    this.ids = standInIds(options.channelId, options.guildId);
    this.rest = new RestStandIn(this.ids, options.tokenLifetimeMs);
    this.gateway = new GatewayStandIn(this.ids, options.heartbeatIntervalMs ?? 41_250, (token) => this.rest.issueToken(token));
    server.on('request', (request, response) => void this.rest.handle(request, response));
    server.on('upgrade', (request, socket, head) => this.gateway.upgrade(request, socket, head));
  }

  static async start(options: StandInOptions = {}): Promise<DiscordStandIn> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const standIn = new DiscordStandIn(server, options);
    const { port } = server.address() as AddressInfo;
    standIn.rest.gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
    standIn.apiUrl = `http://127.0.0.1:${port}/api`;
    return standIn;
  }

  /** What DISCORD_API_URL is set to. */
  apiUrl = '';

  get calls(): readonly RecordedCall[] {
    return this.rest.calls;
  }

  /** Resolves once the recorded calls satisfy `done` (checked now and after every new call). */
  waitForCalls(done: (calls: readonly RecordedCall[]) => boolean): Promise<void> {
    if (done(this.calls)) return Promise.resolve();
    return new Promise((resolve) => {
      const check = (): void => {
        if (!done(this.calls)) return;
        this.rest.off('call', check);
        resolve();
      };
      this.rest.on('call', check);
    });
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
