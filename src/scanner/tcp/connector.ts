// How one TCP connection attempt is made. Two engines share this seam: the public `net.Socket`
// one, and a fast one on libuv's TCP handle (see libuv-connector.ts for why and when).

/** What one connection attempt ended with. */
export type ConnectOutcome =
  | { readonly kind: 'connected'; readonly selfConnect: boolean }
  | { readonly kind: 'failed'; readonly code: string };

/** Cancels a pending attempt and frees its socket; a later outcome is never delivered. */
export type AbortConnect = () => void;

export interface Connector {
  readonly engine: TcpEngine;
  /**
   * Starts a connection to an address literal. Returns how to cancel it, or an error code when the
   * attempt failed at once (EMFILE and the like, raised while creating the socket). `done` is
   * called at most once and never synchronously. A connected socket is closed with a reset
   * (SO_LINGER 0), as nmap does, so open ports leave no TIME_WAIT behind.
   */
  connect(address: string, family: 4 | 6, port: number, done: (outcome: ConnectOutcome) => void): AbortConnect | string;
}

export type TcpEngine = 'libuv' | 'socket';

export interface ConnectorOptions {
  /**
   * Source port to bind before connecting, per target port; undefined lets the kernel pick.
   * Exists so tests can make a real self-connect (source == target) on loopback.
   */
  readonly localPortFor?: (port: number) => number | undefined;
}
