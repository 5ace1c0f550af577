// Lab listener, run inside a host namespace: `node listener.js tcp:22,80 udp:53,161`.
// TCP ports accept and close at once; UDP ports echo every datagram back to its sender.
// Prints "ready" once every socket is bound, so the lab knows when to start scanning.
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

function portsOf(prefix: string): number[] {
  const arg = process.argv.slice(2).find((item) => item.startsWith(`${prefix}:`)) ?? '';
  return arg
    .slice(prefix.length + 1)
    .split(',')
    .filter(Boolean)
    .map(Number);
}

const bound: Promise<void>[] = [];
for (const port of portsOf('tcp')) {
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.end();
  });
  bound.push(new Promise((resolve) => server.listen({ port, host: '0.0.0.0', backlog: 4096 }, resolve)));
}
for (const port of portsOf('udp')) {
  const socket = createSocket('udp4');
  socket.on('message', (message, remote) => socket.send(message, remote.port, remote.address));
  bound.push(new Promise((resolve) => socket.bind(port, '0.0.0.0', resolve)));
}
await Promise.all(bound);
process.stdout.write('ready\n');
