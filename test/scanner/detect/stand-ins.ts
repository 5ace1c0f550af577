// Loopback servers that behave badly or speak just enough of a protocol for the detection engine's
// own logic (follow-ups, late banners, caps, deadlines) to be tested; real servers from Debian's
// packages are tested in real-servers.test.ts. Each counts its connections and sees them close.
import { createServer, type Server, type Socket } from 'node:net';
import { after } from 'node:test';
import { createServer as createTlsServer, type TlsOptions } from 'node:tls';

export interface StandIn {
  readonly port: number;
  /** Connections accepted so far. */
  readonly accepted: number;
  /** Most connections open at the same time. */
  readonly peak: number;
  /** performance.now() when the first connection was accepted; NaN before. */
  readonly firstAcceptAt: number;
  /** Everything the clients sent, all connections together (latin-1). */
  readonly received: string;
  /** Resolves once every accepted connection has closed. */
  allClosed(): Promise<void>;
  close(): Promise<void>;
}

type Behaviour = (socket: Socket, standIn: { write(text: string): void }) => void;

function track(server: Server, behave: Behaviour): Promise<StandIn> {
  let accepted = 0;
  let open = 0;
  let peak = 0;
  let received = '';
  let firstAcceptAt = Number.NaN;
  const sockets = new Set<Socket>();
  let waiters: (() => void)[] = [];
  server.on('connection', (socket: Socket) => sockets.add(socket));
  const onSocket = (socket: Socket): void => {
    if (accepted === 0) firstAcceptAt = performance.now();
    accepted++;
    open++;
    peak = Math.max(peak, open);
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('close', () => {
      open--;
      sockets.delete(socket);
      if (open === 0) for (const resolve of waiters.splice(0)) resolve();
    });
    behave(socket, { write: (text) => socket.write(Buffer.from(text, 'latin1')) });
  };
  server.on('secureConnection', onSocket);
  if (!('addContext' in server)) server.on('connection', onSocket);
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.address() as { port: number }).port,
        get accepted() {
          return accepted;
        },
        get peak() {
          return peak;
        },
        get firstAcceptAt() {
          return firstAcceptAt;
        },
        get received() {
          return received;
        },
        allClosed: () => (open === 0 ? Promise.resolve() : new Promise((done) => waiters.push(done))),
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            waiters = [];
            server.close(() => done());
          }),
      });
    });
  });
}

export const standIn = (behave: Behaviour): Promise<StandIn> => track(createServer(), behave);

export const tlsStandIn = (options: TlsOptions, behave: Behaviour): Promise<StandIn> => track(createTlsServer(options), behave);

/** Sends data as fast as the client takes it, forever. */
export const endless: Behaviour = (socket) => {
  const chunk = Buffer.alloc(64 * 1024, 'A');
  const pump = (): void => {
    while (!socket.destroyed && socket.write(chunk));
  };
  socket.on('drain', pump);
  pump();
};

/** Accepts and never says anything, never closes. */
export const silent: Behaviour = () => undefined;

/** A greeting, then a fixed answer to each line that matches a pattern. */
export const conversation =
  (greeting: string, answers: readonly (readonly [RegExp, string])[] = [], delayMs = 0): Behaviour =>
  (socket, out) => {
    setTimeout(() => out.write(greeting), delayMs);
    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
        const line = buffered.slice(0, end + 1);
        buffered = buffered.slice(end + 1);
        const answer = answers.find(([pattern]) => pattern.test(line));
        if (answer !== undefined) out.write(answer[1]);
      }
    });
  };

/** For a describe block: a function that starts a stand-in and closes it after the block's tests. */
export function standInsOfThisSuite(): (server: Promise<StandIn>) => Promise<StandIn> {
  const servers: StandIn[] = [];
  after(() => Promise.all(servers.map((server) => server.close())));
  return async (server) => {
    servers.push(await server);
    return servers.at(-1)!;
  };
}
