// Shared fixtures for the policy tests: configuration from a plain object, requesters, a fake
// resolver that implements the real Resolver interface, and loopback listeners that count who
// connected to them.
import { once } from 'node:events';
import net from 'node:net';
import { loadConfig } from '../../src/config.js';
import type { Config } from '../../src/config.js';
import type { Requester } from '../../src/policy/types.js';
import type { Resolver, ResolvedAddress } from '../../src/policy/resolver.js';
import type { PortProbe } from '../../src/scanner/types.js';

export const config = (env: Record<string, string> = {}): Config => loadConfig(env);

export const slackUser = (userId = 'U0001', extra: Partial<Requester> = {}): Requester => ({ platform: 'slack', userId, workspaceId: 'T0001', channelId: 'C0001', ...extra });

export const tcp = (...ports: number[]): PortProbe[] => ports.map((port) => ({ port, protocol: 'tcp' }));

/**
 * Answers from a table; an entry may be a list of answers, one per call, to play DNS rebinding
 * (the last answer repeats). Unknown names fail like getaddrinfo does (ENOTFOUND).
 */
export class FakeResolver implements Resolver {
  readonly calls: string[] = [];
  constructor(private readonly answers: Record<string, readonly (readonly string[])[]>) {}

  resolve(hostname: string): Promise<readonly ResolvedAddress[]> {
    const callNumber = this.calls.filter((name) => name === hostname).length;
    this.calls.push(hostname);
    const sequence = this.answers[hostname];
    const answer = sequence?.[Math.min(callNumber, sequence.length - 1)];
    if (answer === undefined) return Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
    return Promise.resolve(answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  }
}

/** TCP listeners on one port of several loopback addresses, counting accepted connections per address. */
export class LoopbackListeners {
  readonly accepted = new Map<string, number>();
  private readonly waiters: (() => void)[] = [];
  private constructor(
    readonly port: number,
    private readonly servers: readonly net.Server[],
  ) {}

  static async open(hosts: readonly string[]): Promise<LoopbackListeners> {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const servers: net.Server[] = [];
      try {
        let port = 0;
        for (const host of hosts) {
          const server = net.createServer();
          servers.push(server);
          server.listen(port, host);
          await once(server, 'listening');
          port = (server.address() as net.AddressInfo).port;
        }
        const listeners = new LoopbackListeners(port, servers);
        servers.forEach((server, index) => server.on('connection', (socket) => listeners.count(hosts[index]!, socket)));
        return listeners;
      } catch {
        // The port taken for the first address was busy on another one: try a fresh port.
        await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
      }
    }
    throw new Error('could not open loopback listeners on one common port');
  }

  private count(host: string, socket: net.Socket): void {
    this.accepted.set(host, (this.accepted.get(host) ?? 0) + 1);
    socket.destroy();
    this.waiters.splice(0).forEach((wake) => wake());
  }

  /** Resolves once `host` has accepted `count` connections (the accept event can trail the client's connect). */
  async waitFor(host: string, count: number): Promise<void> {
    while ((this.accepted.get(host) ?? 0) < count) await new Promise<void>((wake) => this.waiters.push(wake));
  }

  total(): number {
    return [...this.accepted.values()].reduce((sum, count) => sum + count, 0);
  }

  async close(): Promise<void> {
    await Promise.all(this.servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}
