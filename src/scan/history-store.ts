// The history store as the scan service sees it: opened in the background at start (a new
// embedded store takes seconds to create) and awaited only by what needs it, so no prompt and no
// scan answer waits for it. The store's code (Drizzle, and PGlite or pg) is imported only here,
// when opening begins: `portbot scan` without --save never loads it.
import { err, type Result } from '../result.js';
import type { Store, StoreLocation, StoreOptions, StoreProblem } from '../store/index.js';

/** A server that was down may be back: a failed open is tried again on demand after this long. */
const RETRY_UNAVAILABLE_MS = 15_000;

export interface HistoryStore {
  /** The store when it is open now; undefined while it opens, or when it could not open. */
  current(): Store | undefined;
  /** `opening` until the first attempt settles; then `open`, or `failed` (ready() says why). */
  state(): 'opening' | 'open' | 'failed';
  /** Waits for the store (or the one-line reason it could not open); never rejects. */
  ready(): Promise<Result<Store, StoreProblem>>;
  close(): Promise<void>;
}

/**
 * The embedded store opens in its own thread (src/store/store-thread.ts: PGlite would stall this
 * thread's scans for seconds); PostgreSQL is a socket, and a test's own clock cannot cross threads.
 */
async function openLocation(location: StoreLocation, options: StoreOptions): Promise<Result<Store, StoreProblem>> {
  const { now, ...threadable } = options;
  if (location.kind === 'embedded' && now === undefined) {
    const { openThreadedStore } = await import('../store/threaded-store.js');
    return openThreadedStore(location, threadable);
  }
  const { openStore } = await import('../store/open-store.js');
  return openStore(location, options);
}

export function openHistoryStore(location: StoreLocation, options: StoreOptions = {}): HistoryStore {
  let store: Store | undefined;
  let failedAt = 0;
  let closed = false;
  let settledOnce = false;
  const attempt = async (): Promise<Result<Store, StoreProblem>> => {
    try {
      const opened = await openLocation(location, options);
      settledOnce = true;
      if (opened.ok) {
        if (closed) await opened.value.close();
        else store = opened.value;
      } else failedAt = performance.now();
      return opened;
    } catch (error) {
      settledOnce = true;
      failedAt = performance.now();
      return err({ code: 'store-unavailable', message: `cannot load the history store: ${error instanceof Error ? error.message : String(error)}`, cause: error });
    }
  };
  let opening = attempt();

  return {
    current: () => store,
    state: () => (store !== undefined ? 'open' : settledOnce ? 'failed' : 'opening'),
    async ready() {
      const awaited = opening;
      const settled = await awaited;
      if (settled.ok || closed || settled.error.code !== 'store-unavailable' || performance.now() - failedAt < RETRY_UNAVAILABLE_MS) return settled;
      if (opening === awaited) opening = attempt(); // one retry however many callers ask at once
      return opening;
    },
    async close() {
      closed = true;
      await opening;
      await store?.close();
      store = undefined;
    },
  };
}
