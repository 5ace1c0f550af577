// A loopback WebSocket server playing Slack's Socket Mode: it greets with "hello", pushes envelopes
// (slash_commands, events_api, interactive) and records the acks the app sends back.
import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';

export interface Ack {
  readonly envelope_id: string;
  readonly payload?: Record<string, unknown>;
}

export class SocketModeStandIn {
  readonly acks: Ack[] = [];
  private connection: WebSocket | undefined;
  private readonly changed = new EventEmitter();
  private envelopes = 0;

  private constructor(
    private readonly server: WebSocketServer,
    readonly url: string,
  ) {}

  static async start(): Promise<SocketModeStandIn> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const standIn = new SocketModeStandIn(server, `ws://127.0.0.1:${port}/link`);
    server.on('connection', (socket) => standIn.accept(socket));
    return standIn;
  }

  private accept(socket: WebSocket): void {
    this.connection = socket;
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as Ack;
      if (typeof message.envelope_id === 'string') {
        this.acks.push(message);
        this.changed.emit('ack');
      }
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0PORTBOT' }, debug_info: { host: 'stand-in' } }));
  }

  /** Pushes one envelope and resolves with the app's ack for it. */
  async send(type: 'slash_commands' | 'events_api' | 'interactive', payload: Record<string, unknown>): Promise<Ack> {
    const socket = this.connection;
    if (socket === undefined) throw new Error('no Socket Mode connection yet');
    const envelopeId = `env-${++this.envelopes}`;
    const acked = new Promise<Ack>((resolve) => {
      const check = (): void => {
        const ack = this.acks.find((candidate) => candidate.envelope_id === envelopeId);
        if (ack === undefined) return;
        this.changed.off('ack', check);
        resolve(ack);
      };
      this.changed.on('ack', check);
    });
    socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));
    return acked;
  }

  async close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
