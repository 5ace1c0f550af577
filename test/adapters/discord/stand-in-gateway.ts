// A loopback WebSocket server playing Discord's gateway (plain JSON, no compression): HELLO,
// IDENTIFY -> READY and GUILD_CREATE, heartbeat ACKs, then whatever dispatches a test sends.
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { StandInIds } from './ids.js';

const OP = { dispatch: 0, heartbeat: 1, identify: 2, hello: 10, heartbeatAck: 11 } as const;

export class GatewayStandIn extends EventEmitter {
  private readonly server = new WebSocketServer({ noServer: true });
  private socket: WebSocket | null = null;
  private sequence = 0;
  /** Every IDENTIFY payload received (the intents in it show what the client asked for). */
  readonly identifies: { readonly token: string; readonly intents: number }[] = [];
  heartbeats = 0;
  /** The query string of the gateway connection (discord.js asks for ?v=10&encoding=json). */
  connectQuery: URLSearchParams | null = null;

  constructor(
    private readonly ids: StandInIds,
    private readonly heartbeatIntervalMs: number,
    /** Told of every interaction token sent, so REST can expire it like Discord does. */
    private readonly onToken: (token: string) => void = () => undefined,
  ) {
    super();
    this.server.on('connection', (socket, request) => this.accept(socket, request));
  }

  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.server.handleUpgrade(request, socket, head, (ws) => this.server.emit('connection', ws, request));
  }

  /** Sends one dispatch event (INTERACTION_CREATE, MESSAGE_CREATE...) to the connected client. */
  dispatch(event: string, data: unknown): void {
    if (this.socket === null) throw new Error(`gateway stand-in: no client connected to receive ${event}`);
    const token = (data as { token?: unknown } | null)?.token;
    if (event === 'INTERACTION_CREATE' && typeof token === 'string') this.onToken(token);
    this.sequence += 1;
    this.socket.send(JSON.stringify({ op: OP.dispatch, t: event, s: this.sequence, d: data }));
  }

  async close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket, request: IncomingMessage): void {
    this.socket = socket;
    this.connectQuery = new URL(request.url ?? '/', 'ws://stand-in').searchParams;
    socket.on('message', (raw) => this.receive(JSON.parse((raw as Buffer).toString('utf8')) as { op: number; d: unknown }));
    socket.send(JSON.stringify({ op: OP.hello, d: { heartbeat_interval: this.heartbeatIntervalMs } }));
  }

  private receive(packet: { op: number; d: unknown }): void {
    if (packet.op === OP.heartbeat) {
      this.heartbeats += 1;
      this.socket?.send(JSON.stringify({ op: OP.heartbeatAck }));
      this.emit('heartbeat');
    } else if (packet.op === OP.identify) {
      this.identifies.push(packet.d as { token: string; intents: number });
      this.ready();
    }
  }

  private ready(): void {
    const { ids } = this;
    this.dispatch('READY', {
      v: 10,
      user: ids.botUser,
      guilds: [{ id: ids.guildId, unavailable: true }],
      session_id: 'stand-in-session',
      resume_gateway_url: 'ws://127.0.0.1:1',
      shard: [0, 1],
      application: { id: ids.applicationId, flags: 0 },
    });
    // With the Guilds intent discord.js waits for each guild READY listed before it is ready.
    this.dispatch('GUILD_CREATE', {
      id: ids.guildId,
      name: 'stand-in guild',
      icon: null,
      owner_id: '1',
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      premium_tier: 0,
      system_channel_flags: 0,
      features: [],
      emojis: [],
      stickers: [],
      roles: [
        { id: ids.guildId, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
        { id: ids.roleId, name: 'ops', permissions: '0', position: 1, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
      ],
      channels: [{ id: ids.channelId, type: 0, name: 'general', guild_id: ids.guildId, position: 0, permission_overwrites: [], nsfw: false, topic: null, last_message_id: null }],
      members: [],
      member_count: 2,
      large: false,
      unavailable: false,
      joined_at: new Date().toISOString(),
      voice_states: [],
      presences: [],
      threads: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      preferred_locale: 'en-US',
    });
    this.emit('ready');
  }
}
