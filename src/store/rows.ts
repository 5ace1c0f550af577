// Rows of schema.ts to the records of types.ts and back: the one place that knows both shapes.
import type { StateSummary } from '../scanner/types.js';
import type { jobHosts, jobs } from './schema.js';
import type { Job, StoredHost } from './types.js';

export type JobRow = typeof jobs.$inferSelect;
export type HostRow = typeof jobHosts.$inferSelect;

export function jobOf(row: JobRow): Job {
  const requester = {
    platform: row.platform,
    workspaceId: row.workspaceId,
    channelId: row.channelId,
    userId: row.userId,
    ...(row.userName === null ? {} : { userName: row.userName }),
  };
  return {
    id: row.id,
    requester,
    visibility: row.visibility,
    request: { targets: row.targets, ports: row.ports, protocol: row.protocol },
    status: row.status,
    progress: { done: row.progressDone, total: row.progressTotal, open: row.progressOpen },
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    error: row.errorCode === null ? null : { code: row.errorCode, message: row.errorMessage ?? '' },
    summary: row.summary,
    durationMs: row.durationMs,
  };
}

export function hostOf(row: HostRow): StoredHost {
  return { target: row.target, address: row.address, summary: row.summary, status: row.status, sheets: row.sheets };
}

/** Names are matched without case and surrounding space ("Web-1 " finds web-1). */
export const nameKey = (name: string): string => name.trim().toLowerCase();

/** Ports per state over several summaries. */
export function addSummaries(summaries: Iterable<StateSummary>): StateSummary {
  const total: Record<string, number> = {};
  for (const summary of summaries) for (const [state, count] of Object.entries(summary)) total[state] = (total[state] ?? 0) + (count ?? 0);
  return total;
}
