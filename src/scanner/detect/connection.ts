// One probe connection: what the server sends is kept as latin-1 text (one character per byte),
// at most `capBytes` per read, and a read ends when the answer is complete (a pattern matched),
// the server closed, the cap was hit, the server went quiet, or the port's deadline came.
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

export interface ReadOptions {
  /** How long to wait for the first byte. */
  readonly firstByteMs: number;
  /** How long a pause after some bytes ends the answer. */
  readonly idleMs: number;
  /** Absolute performance.now() time after which nothing more is read. */
  readonly deadline: number;
  /** The answer is complete once this says so. */
  readonly complete?: (text: string) => boolean;
}

export interface Answer {
  readonly text: string;
  /** The server closed (or the connection broke): nothing more will come on it. */
  readonly ended: boolean;
  /** The byte cap was reached: the rest was not read, and the connection is spent. */
  readonly capped: boolean;
}

const ignore = (): void => undefined;

export class ProbeConnection {
  private text = '';
  private ended = false;
  private capped = false;
  private lastDataAt = 0;
  private wake: (() => void) | null = null;
  /** The socket now belongs to a TLS handshake, which closes it: destroying it here too crashes Node. */
  private handedOver = false;
  /** Whether anything was sent or received: a clean connection can carry the next probe or a TLS handshake. */
  used = false;

  private readonly onData = (chunk: Buffer): void => {
    if (this.capped) return;
    const room = this.capBytes - this.text.length;
    this.text += chunk.toString('latin1', 0, Math.min(room, chunk.length));
    this.used = true;
    this.lastDataAt = performance.now();
    if (chunk.length >= room) {
      // An endless answer stops here; the socket is closed with the connection.
      this.capped = true;
      this.stream.pause();
    }
    this.wake?.();
  };

  private readonly onEnd = (): void => {
    this.ended = true;
    this.wake?.();
  };

  constructor(
    private readonly stream: Duplex,
    private readonly capBytes: number,
  ) {
    stream.on('data', this.onData);
    stream.on('end', this.onEnd);
    stream.on('close', this.onEnd);
    stream.on('error', this.onEnd);
  }

  get spent(): boolean {
    return this.ended || this.capped;
  }

  send(payload: string): void {
    this.used = true;
    if (!this.ended) this.stream.write(Buffer.from(payload, 'latin1'));
  }

  /** Waits for an answer as `options` say and hands over everything received since the last read. */
  async read(options: ReadOptions): Promise<Answer> {
    const started = performance.now();
    for (;;) {
      if (this.capped || this.ended || (this.text !== '' && options.complete?.(this.text) === true)) break;
      const quietUntil = this.text === '' ? started + options.firstByteMs : this.lastDataAt + options.idleMs;
      const wakeAt = Math.min(quietUntil, options.deadline);
      const now = performance.now();
      if (now >= wakeAt) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wakeAt - now);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
    const answer = { text: this.text, ended: this.ended, capped: this.capped };
    this.text = '';
    return answer;
  }

  /** Hands the socket over (to a TLS handshake) with nothing of ours listening on it any more. */
  detach(): Duplex {
    this.handedOver = true;
    this.stream.pause();
    this.stream.off('data', this.onData);
    this.stream.off('end', this.onEnd);
    this.stream.off('close', this.onEnd);
    this.stream.off('error', this.onEnd);
    // A handshake failure must not surface as an unhandled 'error' on the raw socket.
    this.stream.on('error', ignore);
    return this.stream;
  }

  close(): void {
    if (!this.handedOver) {
      this.stream.on('error', ignore);
      this.stream.destroy();
    }
    this.onEnd();
  }
}

/** Connects to an address literal; null when it fails or takes longer than `timeoutMs`. */
export function openConnection(address: string, family: 4 | 6, port: number, timeoutMs: number, capBytes: number): Promise<ProbeConnection | null> {
  return new Promise((resolve) => {
    const socket: Socket = connect({ host: address, port, family, noDelay: true });
    const timer = setTimeout(() => fail(), Math.max(1, timeoutMs));
    const fail = (): void => {
      clearTimeout(timer);
      socket.on('error', ignore);
      socket.destroy();
      resolve(null);
    };
    socket.once('error', fail);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.off('error', fail);
      resolve(new ProbeConnection(socket, capBytes));
    });
  });
}
