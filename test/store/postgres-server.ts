// A real PostgreSQL from Debian's `postgresql` package for the tests and the benchmark: initdb in a
// temporary directory, a server on a free loopback port, stopped (and deleted) after. initdb refuses
// to run as root, so as root it runs as the package's `postgres` user, which owns the directory.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PostgresServer {
  /** postgres:// URL of `database` on this server. */
  url(database: string): string;
  /** Creates a fresh database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

const USER = 'portbot';

/** Binaries of the newest installed version; CI's clean machine has them only under /usr/lib/postgresql. */
function binDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((version) => existsSync(join(root, version, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions[0] !== undefined) return join(root, versions[0], 'bin');
  for (const dir of (process.env['PATH'] ?? '').split(':')) if (dir !== '' && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  return undefined;
}

/** As root: the `postgres` user's uid and gid from /etc/passwd. */
function unprivilegedUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  const fields = line?.split(':');
  return fields === undefined ? undefined : { uid: Number(fields[2]), gid: Number(fields[3]) };
}

export function postgresSkipReason(): string | undefined {
  if (binDir() === undefined) return 'PostgreSQL is not installed (apt-get install postgresql)';
  if (process.getuid?.() === 0 && unprivilegedUser() === undefined) return "running as root and there is no 'postgres' user to run initdb as";
  return undefined;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * Starts a server. `durable: false` (tests) turns fsync off, which only matters if the machine
 * loses power; the benchmark keeps PostgreSQL's defaults.
 */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<PostgresServer> {
  const bin = binDir();
  if (bin === undefined) throw new Error(postgresSkipReason());
  const user = unprivilegedUser();
  const asUser = user === undefined ? {} : { uid: user.uid, gid: user.gid };
  const dir = mkdtempSync(join(tmpdir(), 'portbot-pg-'));
  if (user !== undefined) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  execFileSync(join(bin, 'initdb'), ['-D', data, '-U', USER, '--auth=trust', '-E', 'UTF8', '--no-sync'], { ...asUser, stdio: 'ignore' });
  const port = await freePort();
  const settings = [`-p ${String(port)}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', ...(options.durable === true ? [] : ['-c fsync=off', '-c synchronous_commit=off'])];
  // -w: pg_ctl returns once the server accepts connections.
  execFileSync(join(bin, 'pg_ctl'), ['-D', data, '-o', settings.join(' '), '-l', join(dir, 'server.log'), '-w', 'start'], { ...asUser, stdio: 'ignore' });
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    try {
      execFileSync(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], { ...asUser, stdio: 'ignore' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.on('exit', stop);
  const url = (database: string): string => `postgres://${USER}@127.0.0.1:${String(port)}/${database}`;
  return {
    url,
    stop,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`create database "${name}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
  };
}
