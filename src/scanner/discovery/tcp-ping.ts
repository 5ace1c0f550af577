// nmap's unprivileged host discovery: a TCP connect to a few common ports. A handshake proves the
// host up, and so does a refusal (the RST came from the host itself); silence proves nothing.
import { Socket } from 'node:net';
import type { HostReason } from '../types.js';

export interface Answer {
  readonly reason: HostReason;
  readonly latencyMs: number;
}

/** Ports tried on every host: web, SSH, and the Windows services that answer when ICMP does not. */
export const DISCOVERY_PORTS: readonly number[] = [80, 443, 22, 445, 3389];

const ignore = (): void => undefined;

/**
 * Connects to each of `ports` at once; `onAnswer` gets the first handshake or refusal. Returns a
 * function that closes every socket still open; `onSilent` runs when every attempt failed without
 * an answer (unreachable, or nothing left to wait for).
 */
export function tcpPing(address: string, family: 4 | 6, ports: readonly number[], onAnswer: (answer: Answer) => void, onSilent: () => void): () => void {
  const sockets = new Set<Socket>();
  let done = false;
  const finish = (socket: Socket): void => {
    sockets.delete(socket);
    socket.on('error', ignore);
    socket.destroy();
    if (!done && sockets.size === 0) {
      done = true;
      onSilent();
    }
  };
  for (const port of ports) {
    const socket = new Socket();
    const startedAt = performance.now();
    const answered = (reason: HostReason): void => {
      if (done) return finish(socket);
      done = true;
      onAnswer({ reason, latencyMs: Math.round((performance.now() - startedAt) * 100) / 100 });
      finish(socket);
    };
    socket.once('connect', () => {
      socket.resetAndDestroy();
      answered('syn-ack');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNREFUSED' ? answered('conn-refused') : finish(socket)));
    sockets.add(socket);
    socket.connect({ host: address, port, family });
  }
  return () => {
    done = true;
    for (const socket of sockets) {
      socket.on('error', ignore);
      socket.destroy();
    }
    sockets.clear();
  };
}
