// `portbot history --csv` and `portbot diff --csv`: the same facts as their JSON documents, as
// spreadsheets read them, written with scan-csv.ts's helpers (RFC 4180, CRLF, quoted when needed,
// formula-looking cells defused). History: one row per scan. Diff: one row per changed port.
import type { HistoryEntry } from '../store/types.js';
import { entrySummary, requesterName } from './history-reply.js';
import { csvRow } from './scan-csv.js';
import type { PortChange, ScanDiff } from './scan-diff.js';
import { serviceNames } from './service-names.js';

export const HISTORY_CSV_COLUMNS = ['id', 'when', 'who', 'targets', 'ports', 'status', 'open', 'closed', 'filtered', 'open|filtered'] as const;
export const DIFF_CSV_COLUMNS = ['address', 'port', 'protocol', 'before', 'after', 'service'] as const;

/** Counts are empty for a scan without a result (failed, interrupted before its first host). */
export function historyCsv(entries: readonly HistoryEntry[]): string {
  const rows = entries.map((entry) => {
    const { job } = entry;
    const summary = entrySummary(entry);
    const count = (state: 'open' | 'closed' | 'filtered' | 'open|filtered'): string => (summary === null ? '' : String(summary[state] ?? 0));
    const ports = `${job.request.protocol === 'udp' ? 'U:' : ''}${job.request.ports ?? 'common'}`;
    const when = (job.startedAt ?? job.createdAt).toISOString();
    return csvRow([job.id, when, requesterName(job), job.request.targets.join(','), ports, job.status, count('open'), count('closed'), count('filtered'), count('open|filtered')]);
  });
  return [csvRow(HISTORY_CSV_COLUMNS), ...rows].join('');
}

/** What answers there now (the newer scan's detected name, else the registered one); the older scan's for a port it alone probed. */
function serviceOf(change: PortChange): string {
  const detected = change.to === null ? change.service?.from : change.service?.to;
  return detected ?? serviceNames(change.port, change.protocol) ?? '';
}

/** `before`/`after` are nmap's state words, empty where that scan did not probe the port. */
export function diffCsv(diff: ScanDiff): string {
  const rows = diff.changes.map((change) => csvRow([change.address, String(change.port), change.protocol, change.from ?? '', change.to ?? '', serviceOf(change)]));
  return [csvRow(DIFF_CSV_COLUMNS), ...rows].join('');
}
