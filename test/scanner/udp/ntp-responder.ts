// A small NTP server for tests (RFC 5905 §7.3): answers a mode 3 request with a mode 4 reply
// whose origin timestamp is the request's transmit timestamp, and ignores anything else.
import { createSocket, type Socket } from 'node:dgram';

export function answerNtpRequest(request: Buffer): Buffer | null {
  if (request.length < 48) return null;
  const first = request[0]!;
  if ((first & 0x07) !== 3) return null; // only client requests
  const version = (first >> 3) & 0x07;
  const reply = Buffer.alloc(48);
  reply[0] = (0 << 6) | (version << 3) | 4; // LI 0, same version, mode 4 (server)
  reply[1] = 2; // stratum 2
  request.copy(reply, 24, 40, 48); // origin <- client's transmit
  return reply;
}

export function startNtpResponder(port: number, host: string): Promise<Socket> {
  const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
  socket.on('message', (message, remote) => {
    const reply = answerNtpRequest(message);
    if (reply !== null) socket.send(reply, remote.port, remote.address);
  });
  return new Promise((resolve) => socket.bind(port, host, () => resolve(socket)));
}

/** A UDP listener that reads and never answers (syslog-like). */
export function startSilentListener(port: number, host: string): Promise<Socket> {
  const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
  socket.on('message', () => undefined);
  return new Promise((resolve) => socket.bind(port, host, () => resolve(socket)));
}
