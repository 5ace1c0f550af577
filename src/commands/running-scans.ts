// Scans in flight, by id, so the person who started one can cancel it and shutdown can stop all.
import { randomUUID } from 'node:crypto';
import type { Requester } from '../policy/types.js';

interface RunningScan {
  readonly requester: Requester;
  readonly controller: AbortController;
}

export type CancelOutcome = 'cancelled' | 'not-owner' | 'unknown';

export class RunningScans {
  readonly #scans = new Map<string, RunningScan>();

  /** Registers a scan; call `finish` when it ends, however it ends. */
  start(requester: Requester): { readonly id: string; readonly signal: AbortSignal; finish(): void } {
    const id = randomUUID();
    const controller = new AbortController();
    this.#scans.set(id, { requester, controller });
    return { id, signal: controller.signal, finish: () => this.#scans.delete(id) };
  }

  /** Only the same person on the same platform may cancel: ids are per platform. */
  cancel(id: string, requester: Requester): CancelOutcome {
    const scan = this.#scans.get(id);
    if (scan === undefined) return 'unknown';
    if (scan.requester.platform !== requester.platform || scan.requester.userId !== requester.userId) return 'not-owner';
    scan.controller.abort(new Error('cancelled by the requester'));
    return 'cancelled';
  }

  abortAll(): void {
    for (const scan of this.#scans.values()) scan.controller.abort(new Error('portbot is shutting down'));
  }
}
