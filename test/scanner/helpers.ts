// Shared by the scanner tests: real loopback listeners, ports known to be closed, and a count of
// this process's open descriptors to prove every socket was closed.
import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { PortProbe, ScanAddress } from '../../src/scanner/types.js';
import { preferredTcpEngine, type TcpEngine } from '../../src/scanner/tcp/index.js';

export const loopback4: ScanAddress = { target: 'localhost', address: '127.0.0.1', family: 4 };
export const loopback6: ScanAddress = { target: 'localhost', address: '::1', family: 6 };

/** Both engines; the libuv one only where this Node offers it (else the test says so). */
export const engines: readonly { engine: TcpEngine; skip: string | false }[] = [
  { engine: 'socket', skip: false },
  { engine: 'libuv', skip: preferredTcpEngine === 'libuv' ? false : 'the libuv engine is not available on this Node' },
];

export const tcp = (ports: readonly number[]): PortProbe[] => ports.map((port) => ({ port, protocol: 'tcp' }));

/** A prober's input: distinct ports, sorted (scan() prepares it so from any port list). */
export const proberPorts = (ports: Iterable<number>): number[] => [...new Set(ports)].sort((a, b) => a - b);

export interface Listeners {
  readonly ports: number[];
  close(): Promise<void>;
}

/** `count` TCP listeners on ephemeral ports that accept and drop every connection. */
export async function listen(count: number, host = '127.0.0.1'): Promise<Listeners> {
  const servers: Server[] = [];
  for (let i = 0; i < count; i++) {
    const server = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    servers.push(server);
  }
  return {
    ports: servers.map((server) => (server.address() as { port: number }).port),
    close: () => Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve())))).then(() => undefined),
  };
}

/** Ports nothing listens on: bound for a moment by us, then released. */
export async function closedPorts(count: number, host = '127.0.0.1'): Promise<number[]> {
  const listeners = await listen(count, host);
  await listeners.close();
  return listeners.ports;
}

export const openDescriptors = (): number => readdirSync('/proc/self/fd').length;

/** Lets pending close callbacks run, so descriptor counts are settled. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));
