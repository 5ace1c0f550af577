// The one schema both stores share (PGlite embedded, PostgreSQL at scale). drizzle-kit generates
// the SQL migrations in ./migrations from this file (`npm run store:generate`); the queries in
// this folder are written once against it. Time columns are timestamptz.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { HostStatus, Protocol, StateSummary } from '../scanner/types.js';
import type { WatchPauseReason } from '../watch/pause-reason.js';
import type { WatchSchedule } from '../watch/schedule.js';
import type { JobStatus, Platform, PortSheet, Visibility } from './types.js';
import type { WatchCreator } from './watch-types.js';

const time = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Every process that has the store open. Jobs name their owning instance; a job whose owner has
 * stopped its heartbeat (or, on the same host, whose process is gone) is `interrupted`.
 */
export const instances = pgTable('instances', {
  id: text('id').primaryKey(),
  /** Hostname plus PID namespace: where `pid` can be checked directly. */
  host: text('host').notNull(),
  pid: integer('pid').notNull(),
  startedAt: time('started_at').notNull().defaultNow(),
  /** Database time of the last heartbeat; a clean close sets it to the epoch. */
  heartbeatAt: time('heartbeat_at').notNull().defaultNow(),
});

export const jobs = pgTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    platform: text('platform').$type<Platform>().notNull(),
    workspaceId: text('workspace_id').notNull(),
    channelId: text('channel_id').notNull(),
    userId: text('user_id').notNull(),
    userName: text('user_name'),
    visibility: text('visibility').$type<Visibility>().notNull(),
    targets: jsonb('targets').$type<string[]>().notNull(),
    ports: text('ports'),
    protocol: text('protocol').$type<Protocol>().notNull(),
    status: text('status').$type<JobStatus>().notNull(),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    progressOpen: integer('progress_open').notNull().default(0),
    createdAt: time('created_at').notNull(),
    startedAt: time('started_at'),
    finishedAt: time('finished_at'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    summary: jsonb('summary').$type<StateSummary>(),
    durationMs: integer('duration_ms'),
    ownerInstance: text('owner_instance').notNull(),
  },
  (table) => [
    // Only unfinished jobs are looked up by status (the interrupted sweep): keep that index tiny.
    index('jobs_unfinished_idx').on(table.ownerInstance).where(sql`${table.status} in ('queued', 'running')`),
    index('jobs_created_idx').on(table.createdAt),
    check('jobs_status_check', sql`${table.status} in ('queued', 'running', 'done', 'failed', 'cancelled', 'interrupted')`),
    check('jobs_visibility_check', sql`${table.visibility} in ('channel', 'requester')`),
    check('jobs_protocol_check', sql`${table.protocol} in ('tcp', 'udp')`),
  ],
);

/**
 * The names a job can be found by, lower-cased: the request's targets as typed, and each host's
 * target and address once it has a result. history(name) starts from this table's name index.
 */
export const jobNames = pgTable(
  'job_names',
  {
    name: text('name').notNull(),
    jobId: text('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.jobId, table.name] }), index('job_names_name_idx').on(table.name)],
);

/** One row per host of a result; its ports as a folded PortSheet per protocol (types.ts). */
export const jobHosts = pgTable(
  'job_hosts',
  {
    jobId: text('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    target: text('target').notNull(),
    address: text('address').notNull(),
    summary: jsonb('summary').$type<StateSummary>().notNull(),
    status: jsonb('status').$type<HostStatus>(),
    sheets: jsonb('sheets').$type<Partial<Record<Protocol, PortSheet>>>().notNull(),
  },
  (table) => [primaryKey({ columns: [table.jobId, table.position] })],
);

/**
 * Watches (docs/watches.md): a target scanned on a schedule, belonging to the chat place it was
 * made in. `creator` is the requester each run scans as. The lease columns make each run slot
 * happen once across bot processes: a slot is taken when it is newer than `last_slot` and no live
 * instance holds the lease (watch-writes.ts).
 */
export const watches = pgTable(
  'watches',
  {
    id: text('id').primaryKey(),
    platform: text('platform').$type<Platform>().notNull(),
    workspaceId: text('workspace_id').notNull(),
    channelId: text('channel_id').notNull(),
    creator: jsonb('creator').$type<WatchCreator>().notNull(),
    creatorName: text('creator_name'),
    targets: text('targets').notNull(),
    ports: text('ports'),
    protocol: text('protocol').$type<Protocol>().notNull(),
    schedule: jsonb('schedule').$type<WatchSchedule>().notNull(),
    timeZone: text('time_zone').notNull(),
    createdAt: time('created_at').notNull(),
    /** The slot of the newest run that ended (the baseline's slot is the creation). */
    lastSlot: time('last_slot'),
    lastRunAt: time('last_run_at'),
    pauseReason: text('pause_reason').$type<WatchPauseReason>(),
    pausedAt: time('paused_at'),
    /** The instance running a slot now, and which slot; null between runs. */
    leaseOwner: text('lease_owner'),
    leaseSlot: time('lease_slot'),
  },
  (table) => [index('watches_place_idx').on(table.platform, table.workspaceId, table.channelId), check('watches_protocol_check', sql`${table.protocol} in ('tcp', 'udp')`)],
);

/** Which scan job ran which slot of a watch: the watch's results, newest first, are read through it. */
export const watchRuns = pgTable(
  'watch_runs',
  {
    watchId: text('watch_id')
      .notNull()
      .references(() => watches.id, { onDelete: 'cascade' }),
    jobId: text('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    slot: time('slot').notNull(),
  },
  (table) => [primaryKey({ columns: [table.watchId, table.jobId] }), index('watch_runs_slot_idx').on(table.watchId, table.slot)],
);
