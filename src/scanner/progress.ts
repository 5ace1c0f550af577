// Progress of a whole scan (every host, every protocol), handed to the caller at most every
// 100 ms (a terminal bar or a chat message cannot use more) and always once at the very end.
import type { PortState, ScanProgress } from './types.js';

const INTERVAL_MS = 100;

export class ProgressCounter {
  private done = 0;
  private open = 0;
  private lastReport = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly total: number,
    private readonly report: ((progress: ScanProgress) => void) | undefined,
  ) {}

  add(state: PortState): void {
    this.done++;
    if (state === 'open') this.open++;
    if (this.report === undefined) return;
    const now = performance.now();
    if (this.done === this.total || now - this.lastReport >= INTERVAL_MS) {
      this.lastReport = now;
      this.report({ done: this.done, total: this.total, open: this.open });
    }
  }
}
