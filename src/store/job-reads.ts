// Reads for people: a job by id, its result, a target's history and the two newest results the
// diff compares. Every query joins the scope condition (scope-filter.ts); a job the reader may
// not see reads exactly like a job that does not exist.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from './database.js';
import { parseJobId } from './job-id.js';
import { hostOf, jobOf, nameKey, type JobRow } from './rows.js';
import { jobHosts, jobNames, jobs } from './schema.js';
import { visibleIn } from './scope-filter.js';
import type { HistoryEntry, Job, JobStatus, Scope, StoredHost, StoredResult } from './types.js';

const DEFAULT_HISTORY = 10;
/** Statuses that carry a result: a cancelled scan keeps what it finished. */
const WITH_RESULT: readonly JobStatus[] = ['done', 'cancelled'];

export class JobReader {
  constructor(private readonly db: Database) {}

  async getJob(id: string, scope: Scope): Promise<Job | undefined> {
    const row = await this.jobRow(id, scope);
    return row === undefined ? undefined : jobOf(row);
  }

  async result(id: string, scope: Scope): Promise<StoredResult | undefined> {
    const row = await this.jobRow(id, scope);
    if (row === undefined || !WITH_RESULT.includes(row.status)) return undefined;
    const hosts = await this.db.select().from(jobHosts).where(eq(jobHosts.jobId, row.id)).orderBy(asc(jobHosts.position));
    return resultOf(row, hosts.map(hostOf));
  }

  async history(target: string, scope: Scope, limit = DEFAULT_HISTORY): Promise<HistoryEntry[]> {
    const name = nameKey(target);
    const rows = await this.newestNamed(name, scope, limit);
    if (rows.length === 0) return [];
    const hosts = await this.db
      .select({ jobId: jobHosts.jobId, target: jobHosts.target, address: jobHosts.address, summary: jobHosts.summary })
      .from(jobHosts)
      .where(inArray(jobHosts.jobId, rows.map((row) => row.id)))
      .orderBy(asc(jobHosts.jobId), asc(jobHosts.position));
    return rows.map((row) => ({ job: jobOf(row), hosts: matching(hosts.filter((host) => host.jobId === row.id), name).map(({ target: t, address, summary }) => ({ target: t, address, summary })) }));
  }

  async latestResults(target: string, scope: Scope, count = 2): Promise<StoredResult[]> {
    const name = nameKey(target);
    const rows = await this.newestNamed(name, scope, count, 'done');
    if (rows.length === 0) return [];
    const hosts = await this.db
      .select()
      .from(jobHosts)
      .where(inArray(jobHosts.jobId, rows.map((row) => row.id)))
      .orderBy(asc(jobHosts.position));
    return rows.map((row) => resultOf(row, matching(hosts.filter((host) => host.jobId === row.id), name).map(hostOf)));
  }

  private async jobRow(id: string, scope: Scope): Promise<JobRow | undefined> {
    const key = parseJobId(id);
    if (key === undefined) return undefined;
    const [row] = await this.db.select().from(jobs).where(and(eq(jobs.id, key), visibleIn(scope)));
    return row;
  }

  /**
   * Jobs found by a name, newest first. The name's job ids come from job_names' index as one array
   * (an init plan), and the jobs by primary key: a plan that stays right without table statistics,
   * which PGlite (no autovacuum) lacks until the next prune analyses the tables.
   */
  private async newestNamed(name: string, scope: Scope, limit: number, status?: JobStatus): Promise<JobRow[]> {
    const named = this.db.select({ jobId: jobNames.jobId }).from(jobNames).where(eq(jobNames.name, name));
    return this.db
      .select()
      .from(jobs)
      .where(and(sql`${jobs.id} = any(array(${named}))`, visibleIn(scope), status === undefined ? undefined : eq(jobs.status, status)))
      .orderBy(desc(jobs.createdAt), desc(jobs.id))
      .limit(limit);
  }
}

/** The hosts a name means: those it names by target or address, else (a request target such as a CIDR) all of them. */
function matching<T extends { readonly target: string; readonly address: string }>(hosts: readonly T[], name: string): T[] {
  const named = hosts.filter((host) => nameKey(host.target) === name || nameKey(host.address) === name);
  return named.length > 0 ? named : [...hosts];
}

export function resultOf(row: JobRow, hosts: readonly StoredHost[]): StoredResult {
  return { id: row.id, status: row.status, startedAt: row.startedAt ?? row.createdAt, finishedAt: row.finishedAt, hosts };
}
