// One UDP probe: a connected dgram socket sends the port's datagrams and reports the first thing
// that comes back. Connecting is what makes ICMP errors visible at all: Linux reports them only
// to a socket connected to the address that caused them (an unconnected socket hears nothing).
import { createSocket, type Socket } from 'node:dgram';

/** `sentAt`: performance.now() when the datagrams left (null if they never did), for round-trip times. */
export type DatagramOutcome =
  | { readonly kind: 'answer'; readonly sentAt: number | null }
  /** `beforeSend`: failed in bind/connect, so nothing reached the target. */
  | { readonly kind: 'error'; readonly code: string; readonly beforeSend: boolean; readonly sentAt: number | null };

/** Closes the socket; a later outcome is never delivered. */
export type CloseProbe = () => void;

const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException | null)?.code ?? 'UNKNOWN';

function closeQuietly(socket: Socket): void {
  try {
    socket.close();
  } catch {
    // already closed
  }
}

/** Sends `payloads` to address:port; `done` is called at most once, never synchronously. */
export function sendDatagrams(
  address: string,
  family: 4 | 6,
  port: number,
  payloads: readonly Buffer[],
  done: (outcome: DatagramOutcome) => void,
): CloseProbe {
  const socket = createSocket({ type: family === 6 ? 'udp6' : 'udp4' });
  let finished = false;
  let sentAt: number | null = null;
  const finish = (outcome: DatagramOutcome): void => {
    if (finished) return;
    finished = true;
    closeQuietly(socket);
    done(outcome);
  };
  // Only the connected peer's datagrams reach this socket, so any message is the port's answer.
  socket.on('message', () => finish({ kind: 'answer', sentAt }));
  // ICMP errors surface here, from recvmsg (or from send when one is already pending).
  socket.on('error', (error) => finish({ kind: 'error', code: codeOf(error), beforeSend: sentAt === null, sentAt }));
  socket.connect(port, address, (error?: Error) => {
    if (finished) return;
    if (error) return finish({ kind: 'error', code: codeOf(error), beforeSend: true, sentAt: null });
    // Timed from here: creating and connecting the socket is this machine's work, not the network's.
    sentAt = performance.now();
    for (const payload of payloads) {
      socket.send(payload, (sendError) => {
        if (sendError) finish({ kind: 'error', code: codeOf(sendError), beforeSend: false, sentAt });
      });
    }
  });
  return () => {
    if (finished) return;
    finished = true;
    closeQuietly(socket);
  };
}
