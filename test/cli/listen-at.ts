// Listens on a given loopback port: a port a test saw closed opens "later", like a service started.
import { createServer } from 'node:net';
import type { Listener } from '../commands/loopback.js';

export async function listenAt(port: number): Promise<Listener> {
  const server = createServer((socket) => socket.on('error', () => undefined).destroy());
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
