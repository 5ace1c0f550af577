// The two history stores the service tests run on: embedded PGlite in a temporary directory, and a
// real PostgreSQL from Debian's package (skipped with the reason when it is not installed).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openHistoryStore, type HistoryStore } from '../../src/scan/index.js';
import type { StoreLocation } from '../../src/store/index.js';
import { postgresSkipReason, startPostgres, type PostgresServer } from '../store/postgres-server.js';

export interface HistoryBackend {
  readonly label: string;
  /** Why this backend's tests are skipped, if they are. */
  readonly skip: string | undefined;
  /** A fresh, empty location (a new directory or database). */
  location(): Promise<StoreLocation>;
  /** The environment a portbot process needs to use `location`. */
  env(location: StoreLocation): Record<string, string>;
  dispose(): void;
}

export function embeddedBackend(): HistoryBackend {
  const dirs: string[] = [];
  return {
    label: 'embedded (PGlite)',
    skip: undefined,
    location: () => {
      const dir = mkdtempSync(join(tmpdir(), 'portbot-history-'));
      dirs.push(dir);
      return Promise.resolve({ kind: 'embedded', dataDir: join(dir, 'data') });
    },
    env: (location) => (location.kind === 'embedded' ? { PORTBOT_DATA_DIR: location.dataDir } : {}),
    dispose: () => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })),
  };
}

export function postgresBackend(): HistoryBackend {
  let server: Promise<PostgresServer> | undefined;
  let databases = 0;
  const skip = postgresSkipReason();
  return {
    label: 'PostgreSQL',
    skip,
    location: async () => {
      server ??= startPostgres();
      return { kind: 'postgres', url: await (await server).createDatabase(`history${String(++databases)}`) };
    },
    env: (location) => (location.kind === 'postgres' ? { PORTBOT_DATABASE_URL: location.url } : {}),
    dispose: () => void server?.then((started) => started.stop()),
  };
}

export const bothBackends = (): HistoryBackend[] => [embeddedBackend(), postgresBackend()];

/** A history store being opened at `location`, with the store's quick test timings. */
export const historyAt = (location: StoreLocation): HistoryStore => openHistoryStore(location, { heartbeatMs: 60_000, onBackgroundError: () => undefined });
