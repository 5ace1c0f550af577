// The portable engine: one net.Socket per attempt. Correct everywhere Node runs, but its stream
// machinery costs about three times the libuv engine's CPU per port.
import { Socket } from 'node:net';
import type { ConnectOutcome, Connector, ConnectorOptions } from './connector.js';

const ignore = (): void => undefined;

export const createSocketConnector = (options: ConnectorOptions = {}): Connector => ({
  engine: 'socket',
  connect(address, family, port, done) {
    const socket = new Socket();
    let settled = false;
    const finish = (outcome: ConnectOutcome): void => {
      if (settled) return;
      settled = true;
      done(outcome);
    };
    socket.once('connect', () => {
      const selfConnect = socket.localPort === port && socket.localAddress === address;
      socket.resetAndDestroy();
      finish({ kind: 'connected', selfConnect });
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      socket.destroy();
      finish({ kind: 'failed', code: error.code ?? 'UNKNOWN' });
    });
    // An address literal with its family: net skips DNS and Happy Eyeballs entirely.
    const localPort = options.localPortFor?.(port);
    socket.connect(localPort === undefined ? { host: address, port, family } : { host: address, port, family, localAddress: address, localPort });
    return () => {
      settled = true;
      socket.on('error', ignore);
      socket.destroy();
    };
  },
});

export const socketConnector: Connector = createSocketConnector();
