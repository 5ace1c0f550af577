// Opening the store the configuration names. The promise never rejects (a problem is a value), so
// a caller may start opening at launch and await it only when the first job is recorded: the
// console's prompt and a scan's answer never wait for a database (a new PGlite store takes seconds).
import { err, type Result } from '../result.js';
import { describe, type StoreTuning } from './drizzle-store.js';
import { openEmbeddedStore } from './embedded-store.js';
import { openPostgresStore } from './postgres-store.js';
import type { StoreLocation } from './location.js';
import type { Store, StoreProblem } from './store.js';

export { storeLocation, type StoreLocation } from './location.js';

export type StoreOptions = Partial<StoreTuning>;

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
