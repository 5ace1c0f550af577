// `portbot history --json` and `portbot diff --json`: the documents scripts read (issue 15's shapes,
// exactly those keys). Times are ISO 8601; states are nmap's words, null for a port a scan did not probe.
import type { HistoryEntry } from '../store/types.js';
import { entrySummary } from './history-reply.js';
import type { ScanDiff } from './scan-diff.js';

/** One entry per job: its target and address when one host matched (address null otherwise). */
export function historyDocument(name: string, entries: readonly HistoryEntry[]): object {
  return {
    scans: entries.map((entry) => {
      const { job } = entry;
      const only = entry.hosts.length === 1 ? entry.hosts[0] : undefined;
      return {
        id: job.id,
        target: only?.target ?? name,
        address: only?.address ?? null,
        startedAt: (job.startedAt ?? job.createdAt).toISOString(),
        finishedAt: job.finishedAt?.toISOString() ?? null,
        status: job.status,
        requester: job.requester,
        summary: entrySummary(entry) ?? {},
      };
    }),
  };
}

export function diffDocument(diff: ScanDiff): object {
  return {
    from: { id: diff.from.id, startedAt: diff.from.startedAt.toISOString() },
    to: { id: diff.to.id, startedAt: diff.to.startedAt.toISOString() },
    changes: diff.changes.map(({ address, port, protocol, from, to }) => ({ address, port, protocol, from, to })),
  };
}
