// The portable engine: one net.Socket per attempt. Correct everywhere Node runs, but its stream
// machinery costs about three times the libuv engine's CPU per port.
import { Socket } from 'node:net';
import type { Connector, ConnectorOptions, PendingConnect } from './connector.js';

const ignore = (): void => undefined;

interface Attempt {
  readonly socket: Socket;
  settled: boolean;
}

export const createSocketConnector = (options: ConnectorOptions = {}): Connector => ({
  engine: 'socket',
  connect(address, family, port, id, done) {
    const socket = new Socket();
    const attempt: Attempt = { socket, settled: false };
    socket.once('connect', () => {
      if (attempt.settled) return;
      attempt.settled = true;
      const selfConnect = socket.localPort === port && socket.localAddress === address;
      socket.resetAndDestroy();
      done(id, null, selfConnect);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      socket.destroy();
      if (attempt.settled) return;
      attempt.settled = true;
      done(id, error.code ?? 'UNKNOWN', false);
    });
    // An address literal with its family: net skips DNS and Happy Eyeballs entirely.
    const localPort = options.localPortFor?.(port);
    socket.connect(localPort === undefined ? { host: address, port, family } : { host: address, port, family, localAddress: address, localPort });
    return attempt;
  },
  abort(pending: PendingConnect) {
    const attempt = pending as Attempt;
    attempt.settled = true;
    attempt.socket.on('error', ignore);
    attempt.socket.destroy();
  },
});

export const socketConnector: Connector = createSocketConnector();
