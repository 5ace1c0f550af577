// The PostgreSQL store: node-postgres's pool at PORTBOT_DATABASE_URL. Several bot processes may
// share one database: migrations serialise on an advisory lock, and jobs carry their owner's
// instance id so each process interrupts only the jobs of processes that are gone.
import type { Pool } from 'pg';
import { err, ok, type Result } from '../result.js';
import { asDatabase } from './database.js';
import { describe, DrizzleStore, type StoreTuning } from './drizzle-store.js';
import { migrate } from './migrate.js';
import { readMigrations } from './migrations-folder.js';
import type { Store, StoreProblem } from './store.js';
import { shownUrl } from '../shown-url.js';
import { schemaProblem } from './store-problems.js';

/** A bot's writes are short; a few connections serve a busy channel and leave room for others on the server. */
const POOL_SIZE = 4;
const CONNECT_TIMEOUT_MS = 10_000;

export async function openPostgresStore(url: string, tuning: StoreTuning): Promise<Result<Store, StoreProblem>> {
  let pool: Pool | undefined;
  try {
    const [{ default: pg }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
    pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    // An idle connection that drops emits here; without a listener it would crash the process.
    pool.on('error', tuning.onBackgroundError);
    const db = asDatabase(drizzle({ client: pool }));
    await migrate(db, readMigrations());
    const opened = pool;
    return ok(await DrizzleStore.start({ kind: 'postgres', db, exclusive: false, close: () => opened.end() }, tuning));
  } catch (error) {
    await pool?.end().catch(() => undefined);
    return err(
      schemaProblem(error) ?? {
        code: 'store-unavailable',
        message: `cannot use the database at ${shownUrl(url, 'PORTBOT_DATABASE_URL')}: ${describe(error)}; check PORTBOT_DATABASE_URL`,
        cause: error,
      },
    );
  }
}
