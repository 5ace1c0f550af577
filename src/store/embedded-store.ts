// The embedded store: PGlite (PostgreSQL compiled to WebAssembly, in this process) in
// PORTBOT_DATA_DIR/pglite, behind the data directory lock. PGlite and its driver load only here,
// when a store is opened, so commands that never record pay nothing for them.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { err, ok, type Result } from '../result.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import { asDatabase } from './database.js';
import { describe, DrizzleStore, type StoreTuning } from './drizzle-store.js';
import { migrate } from './migrate.js';
import { readMigrations } from './migrations-folder.js';
import { processHost } from './process-host.js';
import type { Store, StoreProblem } from './store.js';
import { schemaProblem } from './store-problems.js';

/** The PostgreSQL data directory inside PORTBOT_DATA_DIR (beside the lock file). */
export const pgliteDir = (dataDir: string): string => join(dataDir, 'pglite');

/**
 * PGlite's own start parameters plus a small WAL: PostgreSQL keeps up to max_wal_size (1 GB by
 * default) of WAL, 177 MB after 100,000 recorded scans; a bot's data directory need not hold that.
 */
export const pgliteStartParams = (defaults: readonly string[]): string[] => [...defaults, '-c', 'max_wal_size=64MB', '-c', 'min_wal_size=32MB'];

export async function openEmbeddedStore(dataDir: string, tuning: StoreTuning): Promise<Result<Store, StoreProblem>> {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    return err(unavailable(dataDir, error));
  }
  const locked = await acquireDataDirLock(dataDir);
  if (!locked.ok) {
    const { pid, host } = locked.error.holder;
    const where = host === processHost() ? '' : ` on ${host}`;
    return err({
      code: 'store-locked',
      message: `the data directory ${dataDir} is in use by process ${String(pid)}${where}; stop that portbot, or set PORTBOT_DATABASE_URL to share history between processes`,
    });
  }
  const lock = locked.value;
  let client: PGlite | undefined;
  try {
    const [{ PGlite: Client }, { drizzle }] = await Promise.all([import('@electric-sql/pglite'), import('drizzle-orm/pglite')]);
    client = await Client.create(pgliteDir(dataDir), { startParams: pgliteStartParams(Client.defaultStartParams) });
    const db = asDatabase(drizzle({ client }));
    await migrate(db, readMigrations());
    const opened = client;
    const close = async (): Promise<void> => {
      try {
        await opened.close();
      } finally {
        lock.release();
      }
    };
    return ok(await DrizzleStore.start({ kind: 'embedded', db, exclusive: true, close }, tuning));
  } catch (error) {
    await client?.close().catch(() => undefined);
    lock.release();
    return err(schemaProblem(error) ?? unavailable(dataDir, error));
  }
}

const unavailable = (dataDir: string, cause: unknown): StoreProblem => ({
  code: 'store-unavailable',
  message: `cannot open the history store in ${dataDir}: ${describe(cause)}; check PORTBOT_DATA_DIR`,
  cause,
});
