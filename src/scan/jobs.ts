// Jobs in this process, by id: their live state, and who may cancel them. A job leaves the table
// when its outcome is known; its record lives on in the store.
import type { Requester } from '../policy/types.js';
import type { ScanProgress } from '../scanner/types.js';
import type { JobStatus } from '../store/types.js';
import type { CancelOutcome, ScanJob, ScanOrigin, ScanRequest } from './types.js';

export class LiveJob implements ScanJob {
  status: JobStatus = 'queued';
  progress: ScanProgress | null = null;
  readonly createdAt = new Date();
  startedAt: Date | null = null;
  finishedAt: Date | null = null;
  /** Set by a cancel before or while the executor runs; the executor is told as soon as it has the job. */
  cancelRequested = false;

  constructor(
    readonly id: string,
    readonly origin: ScanOrigin,
    readonly request: ScanRequest,
  ) {}
}

/** Only the same person on the same platform (and workspace) may cancel a scan. */
const sameRequester = (a: Requester, b: Requester): boolean => a.platform === b.platform && a.userId === b.userId && (a.workspaceId ?? '') === (b.workspaceId ?? '');

export class JobTable {
  private readonly jobs = new Map<string, LiveJob>();

  add(job: LiveJob): void {
    this.jobs.set(job.id, job);
  }

  has(id: string): boolean {
    return this.jobs.has(id);
  }

  remove(id: string): void {
    this.jobs.delete(id);
  }

  /** Marks the job cancelled if `by` may cancel it; the caller then tells the executor. */
  cancel(id: string, by: Requester): CancelOutcome {
    const job = this.jobs.get(id);
    if (job === undefined) return 'unknown';
    if (!sameRequester(job.origin.requester, by)) return 'not-owner';
    job.cancelRequested = true;
    return 'cancelled';
  }

  all(): LiveJob[] {
    return [...this.jobs.values()];
  }
}
