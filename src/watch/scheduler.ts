// Runs each watch at its slots (slots.ts): one run at a time per watch, one catch-up run when a
// watch is added with a slot it missed (the bot was down: once, not once per missed slot), and a
// lease before every run so several bot processes on one database run each slot once. What a run
// does (a scan job, the diff, an alert) is the caller's `runWatch`; this file only decides when.
import { systemClock, type WatchClock } from './clock.js';
import type { WatchLease } from './lease.js';
import type { WatchSchedule } from './schedule.js';
import { dueSlot, nextSlot } from './slots.js';

export interface ScheduledWatch {
  readonly id: string;
  readonly schedule: WatchSchedule;
  /** When the watch was created: its first slot (the baseline run); intervals count from here. */
  readonly anchor: Date;
  /** When its newest run started (or that run's slot); null when it never ran. */
  readonly lastRunAt: Date | null;
  readonly paused: boolean;
}

/** Runs one watch for one slot. It should report its own failures; a rejection is only logged. */
export type RunWatch = (watchId: string, runSlot: Date) => Promise<void>;

/** Why a slot passed without a run: the previous run still going, or another process holding it. */
export type SkipReason = 'busy' | 'leased' | 'lease-failed';

export interface SchedulerEvents {
  skipped?(watchId: string, runSlot: Date, why: SkipReason, cause?: unknown): void;
  runFailed?(watchId: string, runSlot: Date, error: unknown): void;
}

export interface WatchSchedulerOptions {
  readonly runWatch: RunWatch;
  /** Default: none asked (one process, nothing to share). */
  readonly lease?: WatchLease;
  readonly clock?: WatchClock;
  readonly events?: SchedulerEvents;
}

interface Entry {
  watch: ScheduledWatch;
  next: Date | undefined;
  cancelTimer: (() => void) | undefined;
  running: Promise<void> | undefined;
}

export class WatchScheduler {
  private readonly entries = new Map<string, Entry>();
  private readonly clock: WatchClock;
  private stopped = false;

  constructor(private readonly options: WatchSchedulerOptions) {
    this.clock = options.clock ?? systemClock;
  }

  /**
   * Starts (or replaces) a watch. When its newest due slot has not run (`lastRunAt` before it),
   * that slot runs at once: a bot that was down runs each missed watch once, then keeps time.
   * A run already going for this id goes on, and still blocks overlap.
   */
  add(watch: ScheduledWatch): void {
    if (this.stopped) return;
    const existing = this.entries.get(watch.id);
    existing?.cancelTimer?.();
    const entry: Entry = { watch, next: undefined, cancelTimer: undefined, running: existing?.running };
    this.entries.set(watch.id, entry);
    if (watch.paused) return;
    const now = this.clock.now();
    const due = dueSlot(watch.schedule, watch.anchor, now);
    if (due !== undefined && (watch.lastRunAt === null || watch.lastRunAt.getTime() < due.getTime())) this.start(entry, due);
    this.arm(entry, now);
  }

  /** Stops scheduling a watch; a run already going finishes (cancel its scan job to stop it sooner). */
  remove(id: string): void {
    const entry = this.entries.get(id);
    entry?.cancelTimer?.();
    this.entries.delete(id);
  }

  /** No runs until `resume`; slots missed while paused are not caught up. */
  pause(id: string): void {
    const entry = this.entries.get(id);
    if (entry === undefined || entry.watch.paused) return;
    entry.cancelTimer?.();
    entry.cancelTimer = undefined;
    entry.next = undefined;
    entry.watch = { ...entry.watch, paused: true };
  }

  resume(id: string): void {
    const entry = this.entries.get(id);
    if (entry === undefined || !entry.watch.paused || this.stopped) return;
    entry.watch = { ...entry.watch, paused: false };
    this.arm(entry, this.clock.now());
  }

  /** The next slot a watch will run at; undefined when paused, unknown or stopped. */
  nextRun(id: string): Date | undefined {
    return this.entries.get(id)?.next;
  }

  /** Whether a run of this watch is going now. */
  isRunning(id: string): boolean {
    return this.entries.get(id)?.running !== undefined;
  }

  /** Schedules nothing more and resolves when every run going has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    const running: Promise<void>[] = [];
    for (const entry of this.entries.values()) {
      entry.cancelTimer?.();
      if (entry.running !== undefined) running.push(entry.running);
    }
    this.entries.clear();
    await Promise.allSettled(running);
  }

  private arm(entry: Entry, after: Date): void {
    const next = nextSlot(entry.watch.schedule, entry.watch.anchor, after);
    entry.next = next;
    entry.cancelTimer = this.clock.setTimer(next, () => {
      entry.cancelTimer = undefined;
      if (this.entries.get(entry.watch.id) !== entry || entry.watch.paused || this.stopped) return;
      // A timer that fires late (a busy or sleeping machine) runs the newest due slot once.
      const now = this.clock.now();
      this.start(entry, dueSlot(entry.watch.schedule, entry.watch.anchor, now) ?? next);
      this.arm(entry, now);
    });
  }

  private start(entry: Entry, slot: Date): void {
    const { id } = entry.watch;
    if (entry.running !== undefined) {
      this.options.events?.skipped?.(id, slot, 'busy');
      return;
    }
    const run = this.run(id, slot).finally(() => {
      if (entry.running === run) entry.running = undefined;
      const current = this.entries.get(id);
      if (current !== undefined && current.running === run) current.running = undefined;
    });
    entry.running = run;
  }

  private async run(id: string, slot: Date): Promise<void> {
    const { lease, events, runWatch } = this.options;
    if (lease !== undefined) {
      let acquired: boolean;
      try {
        acquired = await lease.tryAcquire(id, slot);
      } catch (cause) {
        events?.skipped?.(id, slot, 'lease-failed', cause);
        return;
      }
      if (!acquired) {
        events?.skipped?.(id, slot, 'leased');
        return;
      }
    }
    // A watch removed or paused while the lease was asked for does not run.
    const entry = this.entries.get(id);
    if (this.stopped || entry === undefined || entry.watch.paused) return;
    try {
      await runWatch(id, slot);
    } catch (error) {
      events?.runFailed?.(id, slot, error);
    }
  }
}
