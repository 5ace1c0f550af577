// What crosses between the main thread and the store's thread (threaded-store.ts, store-thread.ts):
// plain data only, so structured cloning carries it whole.
import type { StoreLocation } from './location.js';
import type { StoreProblem } from './store.js';

/** The store's tuning that can cross a thread: numbers only (the clock and the error sink stay home). */
export interface ThreadTuning {
  readonly heartbeatMs?: number;
  readonly leaseMs?: number;
  readonly progressIntervalMs?: number;
}

export interface StoreThreadData {
  readonly location: StoreLocation;
  readonly tuning: ThreadTuning;
}

/** A store method and its arguments; `id` pairs the reply with the call. */
export interface StoreCall {
  readonly id: number;
  readonly method: string;
  readonly args: readonly unknown[];
}

/** An error thrown by the store, as data: rebuilt on the main thread with its code. */
export interface ThreadError {
  readonly message: string;
  readonly code?: string;
}

export type FromStoreThread =
  | { readonly type: 'opened'; readonly kind: 'embedded' | 'postgres'; readonly instanceId: string }
  | { readonly type: 'refused'; readonly problem: Omit<StoreProblem, 'cause'> }
  | { readonly type: 'reply'; readonly id: number; readonly value: unknown }
  | { readonly type: 'error'; readonly id: number; readonly error: ThreadError }
  | { readonly type: 'background-error'; readonly error: ThreadError };
