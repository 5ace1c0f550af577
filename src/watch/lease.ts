// Each run of a watch happens once, however many bot processes share one database: before a run,
// the runner asks the lease for the run's slot, and only the process that gets it runs. Part of the
// contract: a slot is given at most once, and never one older than the newest given for that watch
// (so a process that starts late cannot re-run a slot another process already ran). On PostgreSQL
// that is one conditional update, e.g. `update watches set last_slot = $2 where id = $1 and
// (last_slot is null or last_slot < $2)`, acquired when it changed a row.

export interface WatchLease {
  /** True when this process may run `watchId`'s run at `runSlot`; false when another took it (or a newer one). */
  tryAcquire(watchId: string, runSlot: Date): Promise<boolean>;
}

/** The lease of one process (the embedded store allows only one): the newest slot given per watch. */
export function memoryLease(): WatchLease & { forget(watchId: string): void } {
  const newest = new Map<string, number>();
  return {
    tryAcquire(watchId, runSlot) {
      const taken = newest.get(watchId);
      if (taken !== undefined && taken >= runSlot.getTime()) return Promise.resolve(false);
      newest.set(watchId, runSlot.getTime());
      return Promise.resolve(true);
    },
    forget(watchId) {
      newest.delete(watchId);
    },
  };
}
