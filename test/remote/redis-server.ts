// A real redis-server from Debian's package for the agent tests and the benchmark: started in a
// temporary directory on a free loopback port (or inside a lab namespace, on the address given),
// without persistence, and stopped (directory deleted) after. Extra config lines add an ACL file
// or TLS.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { freePort } from '../store/postgres-server.js';

export { freePort };

export interface RedisServer {
  readonly host: string;
  readonly port: number;
  readonly dir: string;
  /** redis://host:port (with `user:password@` when given). */
  url(user?: string, password?: string): string;
  /** Runs redis-cli against this server (as the default user) and returns its output. */
  cli(...args: string[]): string;
  stop(): void;
}

const SERVER = '/usr/bin/redis-server';
const CLI = '/usr/bin/redis-cli';

export function redisSkipReason(): string | undefined {
  return existsSync(SERVER) && existsSync(CLI) ? undefined : 'redis-server is not installed (apt-get install redis-server): skipped';
}

export interface RedisServerOptions {
  /** Run inside this network namespace (`ip netns exec`), listening on `host`. */
  readonly namespace?: string;
  readonly host?: string;
  /** Further addresses to listen on (another side of a lab namespace). */
  readonly alsoBind?: readonly string[];
  readonly port?: number;
  /** More redis.conf lines (aclfile, tls-port, ...); `dir` is the server's directory. */
  readonly config?: (dir: string) => readonly string[];
}

export async function startRedis(options: RedisServerOptions = {}): Promise<RedisServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'portbot-redis-'));
  const lines = [`bind ${[host, ...(options.alsoBind ?? [])].join(' ')}`, `port ${port}`, `dir ${dir}`, 'save ""', 'appendonly no', 'protected-mode no', 'daemonize no', `logfile ${join(dir, 'redis.log')}`, ...(options.config?.(dir) ?? [])];
  writeFileSync(join(dir, 'redis.conf'), `${lines.join('\n')}\n`);
  const inNamespace = (command: string, args: readonly string[]): [string, string[]] =>
    options.namespace === undefined ? [command, [...args]] : ['ip', ['netns', 'exec', options.namespace, command, ...args]];
  const [command, args] = inNamespace(SERVER, [join(dir, 'redis.conf')]);
  const child: ChildProcess = spawn(command, args, { stdio: 'ignore' });
  const cli = (...cliArgs: string[]): string => {
    const [cliCommand, all] = inNamespace(CLI, ['-h', host, '-p', String(port), ...cliArgs]);
    return execFileSync(cliCommand, all, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  };
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', stop);
  for (let attempt = 0; ; attempt++) {
    try {
      if (cli('PING').trim() === 'PONG') break;
    } catch (error) {
      if (attempt > 100 || child.exitCode !== null) {
        stop();
        throw new Error(`redis-server did not start: ${String(error)}`, { cause: error });
      }
    }
    await delay(50);
  }
  return {
    host,
    port,
    dir,
    url: (user, password) => `redis://${user === undefined ? '' : `${user}:${password ?? ''}@`}${host.includes(':') ? `[${host}]` : host}:${port}`,
    cli,
    stop,
  };
}
