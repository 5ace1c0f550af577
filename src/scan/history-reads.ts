// /history and /diff for every front-end (chat, console, CLI): reads in the reader's scope, and
// one line for each way they can come up empty. Each waits for the store: the answer is its data.
import { diffResults, type ScanDiff } from '../report/scan-diff.js';
import { err, ok, type Result } from '../result.js';
import { parseJobId } from '../store/job-id.js';
import type { Store } from '../store/store.js';
import type { HistoryEntry, Job, Scope, StoredResult } from '../store/types.js';
import type { HistoryStore } from './history-store.js';

export interface HistoryProblem {
  /** `invalid-id`: not an id at all (CLI exit 2); the others: nothing to show (exit 1). */
  readonly code: 'invalid-id' | 'no-history' | 'one-scan' | 'unknown-id' | 'no-result' | 'store-unavailable';
  readonly message: string;
}

export type DiffQuery = { readonly kind: 'target'; readonly target: string } | { readonly kind: 'ids'; readonly ids: readonly [string, string] };

export interface FoundDiff {
  readonly diff: ScanDiff;
  /** A private scan is among the two: the answer goes to its requester only. */
  readonly includesPrivate: boolean;
}

export const DEFAULT_HISTORY_LIMIT = 10;

async function storeOf(history: HistoryStore | undefined): Promise<Result<Store, HistoryProblem>> {
  if (history === undefined) return err({ code: 'store-unavailable', message: 'history is not kept here' });
  const opened = await history.ready();
  return opened.ok ? opened : err({ code: 'store-unavailable', message: opened.error.message });
}

export async function readHistory(history: HistoryStore | undefined, target: string, scope: Scope, limit = DEFAULT_HISTORY_LIMIT): Promise<Result<HistoryEntry[], HistoryProblem>> {
  const store = await storeOf(history);
  if (!store.ok) return store;
  return reading(async () => {
    const entries = await store.value.history(target, scope, limit);
    return entries.length > 0 ? ok(entries) : err({ code: 'no-history', message: `no scans of ${target} in history${scope.kind === 'chat' ? ' here' : ''}` });
  });
}

/** A database that stopped answering (PostgreSQL down mid-session) is one line, not a crash. */
async function reading<T>(read: () => Promise<Result<T, HistoryProblem>>): Promise<Result<T, HistoryProblem>> {
  try {
    return await read();
  } catch (error) {
    return err({ code: 'store-unavailable', message: error instanceof Error ? error.message : String(error) });
  }
}

export async function readDiff(history: HistoryStore | undefined, query: DiffQuery, scope: Scope): Promise<Result<FoundDiff, HistoryProblem>> {
  if (query.kind === 'ids') {
    const bad = query.ids.find((id) => parseJobId(id) === undefined);
    if (bad !== undefined) return err({ code: 'invalid-id', message: `"${bad.slice(0, 40)}" is not a scan id: ids are 5 or more letters and digits from /history, e.g. s7k2q` });
  }
  const store = await storeOf(history);
  if (!store.ok) return store;
  return reading(() => (query.kind === 'target' ? newestTwo(store.value, query.target, scope) : byIds(store.value, query.ids, scope)));
}

async function newestTwo(store: Store, target: string, scope: Scope): Promise<Result<FoundDiff, HistoryProblem>> {
  const [newer, older] = await store.latestResults(target, scope, 2);
  if (newer === undefined) return err({ code: 'no-history', message: `no finished scans of ${target} in history${scope.kind === 'chat' ? ' here' : ''}` });
  if (older === undefined) return err({ code: 'one-scan', message: `only one finished scan of ${target} (${newer.id}) so far: scan it again to see what changed` });
  const jobs = await Promise.all([store.getJob(older.id, scope), store.getJob(newer.id, scope)]);
  return ok({ diff: diffResults(older, newer), includesPrivate: jobs.some((job) => job?.visibility === 'requester') });
}

async function byIds(store: Store, ids: readonly [string, string], scope: Scope): Promise<Result<FoundDiff, HistoryProblem>> {
  const found: { job: Job; result: StoredResult }[] = [];
  for (const id of ids) {
    const job = await store.getJob(id, scope);
    if (job === undefined) return err({ code: 'unknown-id', message: `no scan ${parseJobId(id)!} in history${scope.kind === 'chat' ? ' here' : ''}` });
    const result = await store.result(job.id, scope);
    if (result === undefined) return err({ code: 'no-result', message: `scan ${job.id} has no result to compare (it is ${job.status})` });
    found.push({ job, result });
  }
  const [older, newer] = [...found].sort((a, b) => a.result.startedAt.getTime() - b.result.startedAt.getTime()) as [(typeof found)[0], (typeof found)[0]];
  return ok({ diff: diffResults(older.result, newer.result), includesPrivate: found.some(({ job }) => job.visibility === 'requester') });
}
