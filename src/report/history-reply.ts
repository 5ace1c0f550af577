// /history <target>: the last scans of a target that the reader may see, newest first, one line
// each (id, when, who, what was found). An answer that lists a private scan is itself private.
import type { StateSummary } from '../scanner/types.js';
import type { HistoryEntry, Job } from '../store/types.js';
import { formatCount } from './fold.js';
import { ago, utcMinute } from './age.js';
import type { Reply } from './reply.js';

const STATES = ['open', 'closed', 'filtered', 'open|filtered'] as const;

/** "3 open, 997 closed" from a summary; open always named, as in scan answers. */
export function summaryText(summary: StateSummary): string {
  return STATES.filter((state) => state === 'open' || (summary[state] ?? 0) > 0)
    .map((state) => `${formatCount(summary[state] ?? 0)} ${state}`)
    .join(', ');
}

/** Ports per state over the hosts a history line is about (the job's own summary when none matched). */
export function entrySummary(entry: HistoryEntry): StateSummary | null {
  if (entry.hosts.length === 0) return entry.job.summary;
  const total: Record<string, number> = {};
  for (const host of entry.hosts) for (const [state, count] of Object.entries(host.summary)) total[state] = (total[state] ?? 0) + (count ?? 0);
  return total;
}

/** Who asked, as people know them: the display name kept for history, else the platform id. */
export const requesterName = (job: Job): string => job.requester.userName ?? job.requester.userId;

function outcomeText(entry: HistoryEntry): string {
  const { job } = entry;
  const summary = entrySummary(entry);
  switch (job.status) {
    case 'done':
      return summary === null ? 'done' : summaryText(summary);
    case 'cancelled':
      return `cancelled${summary === null ? '' : `: ${summaryText(summary)}`}`;
    case 'failed':
    case 'interrupted':
      return `${job.status}${job.error === null ? '' : `: ${job.error.message}`}`;
    default:
      return job.status;
  }
}

export function historyLineOf(entry: HistoryEntry, now: Date): string {
  const { job } = entry;
  const when = job.startedAt ?? job.createdAt;
  const hosts = entry.hosts.length === 1 && entry.hosts[0]!.target !== entry.hosts[0]!.address ? ` ${entry.hosts[0]!.address}` : '';
  const privately = job.visibility === 'requester' ? ' (private)' : '';
  return `${job.id}  ${utcMinute(when)} (${ago(when, now)})  ${requesterName(job)}${privately}${hosts}  ${outcomeText(entry)}`;
}

export function historyReply(target: string, entries: readonly HistoryEntry[], now: Date = new Date()): Reply {
  const hasPrivate = entries.some((entry) => entry.job.visibility === 'requester');
  const base = { tone: 'info' as const, rows: [], notes: [], actions: [] };
  if (entries.length === 0) {
    return { ...base, title: `History of ${target}`, summary: `No scans of ${target} here yet: /scan ${target} makes the first.`, visibility: 'requester', sections: [] };
  }
  const newest = entries.length > 1 ? [{ kind: 'rescan' as const, label: 'Diff the newest two', command: `/diff ${entries[1]!.job.id} ${entries[0]!.job.id}` }] : [];
  return {
    ...base,
    title: `History of ${target}`,
    summary: `The last ${entries.length === 1 ? 'scan' : `${entries.length} scans`} of ${target} here, newest first. /diff ${target} shows what changed between the newest two.`,
    visibility: hasPrivate ? 'requester' : 'channel',
    sections: [{ heading: 'Scans', text: entries.map((entry) => historyLineOf(entry, now)).join('\n') }],
    actions: newest,
  };
}
