// One job's writes to history, in order and off the answer path: created once the policy granted
// it, marked running, progress now and then, then its result or its failure. Each write waits
// for the store to open; the first write that fails stops the rest, and its one line is kept so
// the person is told (never silently dropped).
import type { CommandLog } from '../log.js';
import type { ScanProgress } from '../scanner/types.js';
import type { JobError } from '../store/types.js';
import type { NewJob, RecordableReport, Store } from '../store/store.js';
import type { HistoryStore } from './history-store.js';
import type { RecordOutcome } from './types.js';

export class JobRecorder {
  private chain: Promise<void> = Promise.resolve();
  private failure: string | undefined;
  /** The id the store recorded (the proposed one unless it was taken). */
  private recordedId: string | undefined;

  constructor(
    private readonly history: HistoryStore,
    job: NewJob & { readonly id: string },
    /** Debug lines at each step (tests wait for them to kill a process at a known point). */
    private readonly logger?: CommandLog,
  ) {
    this.step(async (store) => {
      this.recordedId = (await store.createJob(job)).id;
    });
  }

  running(total: number): void {
    this.step(async (store, id) => {
      await store.markRunning(id, total);
      this.logger?.debug({ jobId: id }, 'history: job recorded as running');
    });
  }

  progress(progress: ScanProgress): void {
    this.step((store, id) => store.recordProgress(id, progress));
  }

  /** `after`: a read that must see the history without this result (the previous scans) goes first. */
  finish(report: RecordableReport, after: Promise<unknown> = Promise.resolve()): void {
    this.step(async (store, id) => {
      await after.catch(() => undefined);
      this.logger?.debug({ jobId: id }, 'history: recording the result');
      await store.finishJob(id, report);
      this.logger?.debug({ jobId: id }, 'history: result recorded');
    });
  }

  fail(error: JobError, status: 'failed' | 'cancelled' = 'failed'): void {
    this.step(async (store, id) => void (await store.failJob(id, error, status)));
  }

  /** Settles once every write asked for so far has settled. */
  async settled(): Promise<RecordOutcome> {
    await this.chain;
    if (this.failure !== undefined) return { ok: false, message: this.failure };
    return { ok: true, jobId: this.recordedId ?? '' };
  }

  /** Whether a write already failed (later ones are skipped). */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  private step(write: (store: Store, id: string) => Promise<void>): void {
    this.chain = this.chain.then(async () => {
      if (this.failure !== undefined) return;
      const opened = await this.history.ready();
      if (!opened.ok) {
        this.failure = `history is not recorded: ${opened.error.message}`;
        return;
      }
      try {
        await write(opened.value, this.recordedId ?? '');
      } catch (error) {
        this.failure = `this scan was not recorded in history: ${error instanceof Error ? error.message : String(error)}`;
      }
    });
  }
}
