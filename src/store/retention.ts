// PORTBOT_HISTORY_DAYS: finished jobs older than that go, with their hosts and names (the foreign
// keys cascade). Deleted in batches so a first prune of a large history holds no long lock and
// other writers (a scan finishing) are not kept waiting behind it; then the tables are analysed.
import { and, inArray, lt, notInArray, sql } from 'drizzle-orm';
import type { Database } from './database.js';
import { instances, jobHosts, jobNames, jobs } from './schema.js';

const BATCH = 500;
const DAY_MS = 86_400_000;

export async function pruneJobs(db: Database, now: Date, olderThanDays: number): Promise<number> {
  const cutoff = new Date(now.getTime() - olderThanDays * DAY_MS);
  let pruned = 0;
  for (;;) {
    const batch = db
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(lt(jobs.createdAt, cutoff), notInArray(jobs.status, ['queued', 'running'])))
      .limit(BATCH);
    const deleted = await db.delete(jobs).where(inArray(jobs.id, batch)).returning({ id: jobs.id });
    pruned += deleted.length;
    if (deleted.length < BATCH) break;
  }
  // Instances silent for as long (database time, like their heartbeats), owning nothing unfinished, are only clutter.
  await db
    .delete(instances)
    .where(
      and(
        sql`${instances.heartbeatAt} < now() - make_interval(days => ${olderThanDays})`,
        sql`not exists (select 1 from ${jobs} where ${jobs.ownerInstance} = ${instances.id} and ${jobs.status} in ('queued', 'running'))`,
      ),
    );
  // PGlite runs no autovacuum: without this its planner never learns how large the tables grew.
  await db.execute(sql`analyze ${jobs}, ${jobNames}, ${jobHosts}`);
  return pruned;
}
