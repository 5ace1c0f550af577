// How one TCP connection attempt is made. Two engines share this seam: the public `net.Socket`
// one, and a fast one on libuv's TCP handle (see libuv-connector.ts for why and when). The seam
// passes numbers and strings, not objects, because on loopback it runs 20,000 times a second.

/**
 * The outcome of attempt `id`: `code` null when connected (then `selfConnect` says whether the
 * socket connected to itself), else the error code (ECONNREFUSED, EHOSTUNREACH, ...).
 */
export type ConnectDone = (id: number, code: string | null, selfConnect: boolean) => void;

/** An attempt in progress, only ever handed back to the connector that made it. */
export type PendingConnect = object;

export interface Connector {
  readonly engine: TcpEngine;
  /**
   * Starts a connection to an address literal. Returns the attempt, or an error code when it
   * failed at once (EMFILE and the like, raised while creating the socket). `done` is called at
   * most once per attempt and never synchronously. A connected socket is closed with a reset
   * (SO_LINGER 0), as nmap does, so open ports leave no TIME_WAIT behind.
   */
  connect(address: string, family: 4 | 6, port: number, id: number, done: ConnectDone): PendingConnect | string;
  /** Cancels an attempt and frees its socket; its outcome is never delivered. */
  abort(pending: PendingConnect): void;
}

export type TcpEngine = 'libuv' | 'socket';

export interface ConnectorOptions {
  /**
   * Source port to bind before connecting, per target port; undefined lets the kernel pick.
   * Exists so tests can make a real self-connect (source == target) on loopback.
   */
  readonly localPortFor?: (port: number) => number | undefined;
}
