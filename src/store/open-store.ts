// Opening the store the configuration names. The promise never rejects (a problem is a value), so
// a caller may start opening at launch and await it only when the first job is recorded: the
// console's prompt and a scan's answer never wait for a database (a new PGlite store takes seconds).
import { isAbsolute, resolve } from 'node:path';
import type { Config } from '../config.js';
import { err, type Result } from '../result.js';
import { describe, type StoreTuning } from './drizzle-store.js';
import { openEmbeddedStore } from './embedded-store.js';
import { openPostgresStore } from './postgres-store.js';
import type { Store, StoreProblem } from './store.js';

/** Where history lives: embedded in a directory (the default), or a PostgreSQL server. */
export type StoreLocation = { readonly kind: 'embedded'; readonly dataDir: string } | { readonly kind: 'postgres'; readonly url: string };

export type StoreOptions = Partial<StoreTuning>;

/** PORTBOT_DATABASE_URL when set; else PORTBOT_DATA_DIR, default `data` in the working directory (beside .env). */
export function storeLocation(config: Pick<Config, 'PORTBOT_DATA_DIR' | 'PORTBOT_DATABASE_URL'>, cwd: string = process.cwd()): StoreLocation {
  if (config.PORTBOT_DATABASE_URL !== undefined) return { kind: 'postgres', url: config.PORTBOT_DATABASE_URL };
  const dir = config.PORTBOT_DATA_DIR ?? 'data';
  return { kind: 'embedded', dataDir: isAbsolute(dir) ? dir : resolve(cwd, dir) };
}

const defaults: StoreTuning = {
  now: () => new Date(),
  heartbeatMs: 10_000,
  leaseMs: 60_000,
  progressIntervalMs: 1_000,
  onBackgroundError: (error) => process.emitWarning(`portbot store: ${describe(error)}`),
};

/** Opens (creating and migrating as needed). Resolves with the store or a one-line problem; never rejects. */
export async function openStore(location: StoreLocation, options: StoreOptions = {}): Promise<Result<Store, StoreProblem>> {
  const tuning = { ...defaults, ...options };
  try {
    return location.kind === 'embedded' ? await openEmbeddedStore(location.dataDir, tuning) : await openPostgresStore(location.url, tuning);
  } catch (error) {
    return err({ code: 'store-unavailable', message: `cannot open the history store: ${describe(error)}`, cause: error });
  }
}
