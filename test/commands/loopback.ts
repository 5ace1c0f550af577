// Real listeners on loopback for tests: an open port, and a port that is certainly closed.
import { createServer, type Server } from 'node:net';
import { after, before } from 'node:test';

export interface Listener {
  readonly port: number;
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('no port'));
      else resolve(address.port);
    });
  });
}

export async function openPort(): Promise<Listener> {
  // Scanners reset their connections; a reset is not a test failure.
  const server = createServer((socket) => socket.on('error', () => undefined).destroy());
  const port = await listen(server);
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A port that was just free: bound, then released, so nothing listens there now. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface LoopbackPorts {
  /** A listener that accepts (and resets) every connection. */
  readonly open: Listener;
  readonly closed: number;
}

/** For the tests of a file or suite: an open and a closed port, set up before them and closed after. */
export function useLoopbackPorts(): LoopbackPorts {
  const ports = {} as { open: Listener; closed: number };
  before(async () => {
    ports.open = await openPort();
    ports.closed = await closedPort();
  });
  after(() => ports.open.close());
  return ports;
}
