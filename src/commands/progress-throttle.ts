// Progress for long scans without tripping platform rate limits: nothing for a fast scan, a first
// update after ~2 s, then at most one every ~3 s, never two in flight, none after stop().
import type { ScanProgress } from '../scanner/types.js';

export interface ProgressTiming {
  readonly firstAfterMs: number;
  readonly everyMs: number;
}

export const DEFAULT_PROGRESS_TIMING: ProgressTiming = { firstAfterMs: 2000, everyMs: 3000 };

export interface ProgressThrottle {
  update(progress: ScanProgress): void;
  /** Stops updates and waits for one in flight, so the final answer never lands before it. */
  stop(): Promise<void>;
}

export function throttleProgress(initial: ScanProgress, send: (progress: ScanProgress) => Promise<void>, timing: ProgressTiming): ProgressThrottle {
  let latest = initial;
  let lastSent: ScanProgress | undefined;
  let stopped = false;
  let inFlight: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const tick = (): void => {
    if (stopped) return;
    if (lastSent === undefined || lastSent.done !== latest.done || lastSent.open !== latest.open) {
      lastSent = latest;
      inFlight = send(latest).catch(() => undefined); // `send` logs its own failures
    }
    void inFlight.then(() => {
      if (!stopped) timer = setTimeout(tick, timing.everyMs);
    });
  };
  timer = setTimeout(tick, timing.firstAfterMs);

  return {
    update: (progress) => {
      latest = progress;
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
