// The one place names become addresses. Called once per name per request; the checked literal goes
// to the scanner, so a DNS answer that changes afterwards (rebinding) never reaches a socket.
import { lookup } from 'node:dns/promises';

export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

export interface Resolver {
  /** Every address of `hostname`, in the order the OS would try them; rejects when there is none. */
  resolve(hostname: string): Promise<readonly ResolvedAddress[]>;
}

/** The OS resolver (getaddrinfo: /etc/hosts, then DNS), unsorted so the order is the system's. */
export const systemResolver: Resolver = {
  resolve: (hostname) => lookup(hostname, { all: true, verbatim: true }),
};
