// The scan service's writes: a job's life from queued to its final status. Each is one statement or
// one transaction, so a process killed at any moment leaves the job either as it was or fully
// updated; a job left queued or running is later marked interrupted (instance-lease.ts).
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { PortbotError } from '../errors.js';
import type { Database } from './database.js';
import { newJobId } from './job-id.js';
import { sheetsOf } from './port-sheet.js';
import { addSummaries, jobOf, nameKey } from './rows.js';
import { jobHosts, jobNames, jobs } from './schema.js';
import type { NewJob, RecordableReport } from './store.js';
import type { Job, JobError, JobProgress } from './types.js';

/** Draws before giving up on a free id: the length grows every three, so this is never reached in practice. */
const ID_ATTEMPTS = 12;

export interface WriterContext {
  readonly db: Database;
  readonly instanceId: string;
  readonly now: () => Date;
  readonly progressIntervalMs: number;
}

export class JobWriter {
  /** performance.now() of each running job's last progress write. */
  private readonly progressWrittenAt = new Map<string, number>();

  constructor(private readonly context: WriterContext) {}

  async createJob({ id: proposed, requester, visibility, request }: NewJob): Promise<Job> {
    const { db, instanceId, now } = this.context;
    const createdAt = now();
    const names = [...new Set(request.targets.map(nameKey))].filter((name) => name.length > 0);
    return db.transaction(async (tx) => {
      for (let attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
        const [row] = await tx
          .insert(jobs)
          .values({
            id: attempt === 0 && proposed !== undefined ? proposed : newJobId(attempt),
            platform: requester.platform,
            workspaceId: requester.workspaceId,
            channelId: requester.channelId,
            userId: requester.userId,
            userName: requester.userName ?? null,
            visibility,
            targets: [...request.targets],
            ports: request.ports,
            protocol: request.protocol,
            status: 'queued',
            createdAt,
            ownerInstance: instanceId,
          })
          .onConflictDoNothing({ target: jobs.id })
          .returning();
        if (row === undefined) continue; // the id is taken: draw another
        if (names.length > 0) await tx.insert(jobNames).values(names.map((name) => ({ name, jobId: row.id })));
        return jobOf(row);
      }
      throw new PortbotError('store-no-job-id', `no free job id after ${String(ID_ATTEMPTS)} attempts`);
    });
  }

  async markRunning(id: string, total: number): Promise<void> {
    const rows = await this.context.db
      .update(jobs)
      .set({ status: 'running', startedAt: this.context.now(), progressTotal: total })
      .where(and(eq(jobs.id, id), eq(jobs.status, 'queued')))
      .returning({ id: jobs.id });
    if (rows.length === 0) throw notActive(id, 'mark running');
  }

  async recordProgress(id: string, progress: JobProgress): Promise<void> {
    const last = this.progressWrittenAt.get(id);
    const at = performance.now();
    if (last !== undefined && at - last < this.context.progressIntervalMs && progress.done < progress.total) return;
    this.progressWrittenAt.set(id, at);
    await this.context.db
      .update(jobs)
      .set({ progressDone: progress.done, progressTotal: progress.total, progressOpen: progress.open })
      .where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
  }

  async finishJob(id: string, report: RecordableReport): Promise<Job> {
    this.progressWrittenAt.delete(id);
    const hosts = report.hosts.map((host, position) => ({
      jobId: id,
      position,
      target: host.target,
      address: host.address,
      summary: host.summary,
      status: host.status ?? null,
      sheets: sheetsOf(host.ports),
    }));
    const summary = addSummaries(hosts.map((host) => host.summary));
    const done = Object.values(summary).reduce((sum, count) => sum + (count ?? 0), 0);
    const finishedAt = this.context.now();
    return this.context.db.transaction(async (tx) => {
      const [row] = await tx
        .update(jobs)
        .set({
          status: report.cancelled ? 'cancelled' : 'done',
          summary,
          durationMs: Math.round(report.durationMs),
          progressDone: done,
          progressOpen: summary.open ?? 0,
          progressTotal: sql`greatest(${jobs.progressTotal}, ${done})`,
          startedAt: sql`coalesce(${jobs.startedAt}, ${new Date(finishedAt.getTime() - report.durationMs).toISOString()}::timestamptz)`,
          finishedAt,
          errorCode: null,
          errorMessage: null,
        })
        .where(and(eq(jobs.id, id), this.finishable()))
        .returning();
      if (row === undefined) throw notActive(id, 'finish');
      if (hosts.length > 0) {
        await tx.insert(jobHosts).values(hosts);
        const names = new Set(hosts.flatMap((host) => [nameKey(host.target), nameKey(host.address)]));
        await tx
          .insert(jobNames)
          .values([...names].map((name) => ({ name, jobId: id })))
          .onConflictDoNothing();
      }
      return jobOf(row);
    });
  }

  async failJob(id: string, error: JobError, status: 'failed' | 'cancelled' = 'failed'): Promise<Job> {
    this.progressWrittenAt.delete(id);
    const [row] = await this.context.db
      .update(jobs)
      .set({ status, errorCode: error.code, errorMessage: error.message, finishedAt: this.context.now() })
      .where(and(eq(jobs.id, id), this.finishable()))
      .returning();
    if (row === undefined) throw notActive(id, status === 'failed' ? 'fail' : 'cancel');
    return jobOf(row);
  }

  /**
   * Unfinished jobs, and this process's own jobs that a sweep marked interrupted while it was
   * stalled (a long pause past the lease): their result is real, so it is kept.
   */
  private finishable(): SQL {
    return or(inArray(jobs.status, ['queued', 'running']), and(eq(jobs.status, 'interrupted'), eq(jobs.ownerInstance, this.context.instanceId)))!;
  }
}

const notActive = (id: string, what: string): PortbotError =>
  new PortbotError('store-job-not-active', `cannot ${what} job ${id}: it does not exist or has already ended`);
