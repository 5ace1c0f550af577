// "Since the last scan": the newest earlier result of each target in the same place is read while
// the scan runs, and compared with the new result in memory (ndiff's rules, report/scan-diff.ts),
// so the answer needs no second read and never waits for its own write.
import { diffResults } from '../report/scan-diff.js';
import type { HostReport, ScanReport } from '../scanner/types.js';
import { sheetsOf } from '../store/port-sheet.js';
import { nameKey } from '../store/rows.js';
import type { Store } from '../store/store.js';
import type { Scope, StoredHost, StoredResult } from '../store/types.js';
import type { SinceLast } from './types.js';

/** Targets beyond this many get no line of their own (a list of 40 hosts is summed up by /history). */
export const MAX_SINCE_TARGETS = 10;

/** The targets of a request as typed ("web-1,10.0.0.0/30" -> two), without duplicates. */
export function typedTargets(targets: string): string[] {
  return [...new Set(targets.split(',').map((target) => target.trim()).filter((target) => target !== ''))];
}

/** The newest earlier `done` result of each target visible in `scope` (null: none). */
export async function readPrevious(store: Store, targets: readonly string[], scope: Scope): Promise<Map<string, StoredResult | null>> {
  const found = await Promise.all(targets.slice(0, MAX_SINCE_TARGETS).map(async (target) => [target, (await store.latestResults(target, scope, 1))[0] ?? null] as const));
  return new Map(found);
}

/** The hosts a name means, as the store reads them: by target or address, else (a CIDR as typed) all. */
function matching<T extends Pick<HostReport, 'target' | 'address'>>(hosts: readonly T[], name: string): T[] {
  const key = nameKey(name);
  const named = hosts.filter((host) => nameKey(host.target) === key || nameKey(host.address) === key);
  return named.length > 0 ? named : [...hosts];
}

function storedHost(host: HostReport): StoredHost {
  return { target: host.target, address: host.address, summary: host.summary, status: host.status ?? null, sheets: sheetsOf(host.ports) };
}

/** Per target: what changed between its previous result and this report. */
export function sinceLast(previous: ReadonlyMap<string, StoredResult | null>, report: ScanReport, jobId: string, startedAt: Date): SinceLast[] {
  const since: SinceLast[] = [];
  for (const [target, older] of previous) {
    if (older === null) {
      since.push({ target, previous: null, diff: null });
      continue;
    }
    const newer: StoredResult = { id: jobId, status: 'done', startedAt, finishedAt: new Date(), hosts: matching(report.hosts, target).map(storedHost) };
    since.push({ target, previous: { id: older.id, startedAt: older.startedAt }, diff: diffResults(older, newer) });
  }
  return since;
}
