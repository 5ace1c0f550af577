// The line every recorded scan answer ends with: what changed since the last scan of that target
// in that place ("Since the last scan (2 days ago): 8080/tcp now open; 21/tcp now closed"), or
// why history has nothing to say. The words "since the last scan" are in it on every platform.
import { ago } from './age.js';
import type { PortChange, ScanDiff } from './scan-diff.js';

/** What changed for one target since its last scan in the same place. */
export interface SinceLast {
  /** The target as typed. */
  readonly target: string;
  /** The newest earlier result of that target in that place; null when this is the first. */
  readonly previous: { readonly id: string; readonly startedAt: Date } | null;
  /** The changes (ndiff's view), null when there is no previous result. */
  readonly diff: ScanDiff | null;
}

/**
 * The job and history: `off` (not recorded: the CLI without --save), `opening` (the store is still
 * being opened or created: recorded when it is ready), `unavailable` (it could not be recorded;
 * one line for the person), `recorded` (with what changed since the last scan of each target).
 */
export type HistoryNote =
  | { readonly kind: 'off' }
  | { readonly kind: 'opening' }
  | { readonly kind: 'unavailable'; readonly message: string }
  | { readonly kind: 'recorded'; readonly jobId: string; readonly since: readonly SinceLast[] };

/** Changes named one by one; the rest are counted, with the command that shows them all. */
const MAX_NAMED = 6;

function changeText(change: PortChange, withHost: boolean): string | undefined {
  const port = `${withHost ? `${change.address} ` : ''}${change.port}/${change.protocol}`;
  if (change.to === null) return undefined; // not scanned this time: nothing is known of it now
  if (change.from === null) return `${port} ${change.to} (not scanned before)`;
  if (change.service !== undefined) return `${port} now ${change.service.to ?? 'unknown'} (was ${change.service.from ?? 'unknown'})`;
  return `${port} now ${change.to}`;
}

function changesText(since: SinceLast): string {
  const diff = since.diff!;
  const withHost = new Set(diff.changes.map((change) => change.address)).size > 1;
  const texts = diff.changes.map((change) => changeText(change, withHost)).filter((text): text is string => text !== undefined);
  if (texts.length === 0) return 'no change';
  const named = texts.slice(0, MAX_NAMED).join('; ');
  return texts.length <= MAX_NAMED ? named : `${named}; and ${texts.length - MAX_NAMED} more (/diff ${since.target})`;
}

/** The "since the last scan" line of a recorded scan; undefined when there is nothing to compare (no targets). */
export function sinceLine(since: readonly SinceLast[], now: Date = new Date()): string | undefined {
  if (since.length === 0) return undefined;
  if (since.length === 1) {
    const [only] = since as [SinceLast];
    if (only.previous === null) return `First scan of ${only.target} here: the next one will say what changed since the last scan.`;
    return `Since the last scan (${ago(only.previous.startedAt, now)}): ${changesText(only)}`;
  }
  const parts = since.map((entry) => (entry.previous === null ? `${entry.target}: first scan here` : `${entry.target} (${ago(entry.previous.startedAt, now)}): ${changesText(entry)}`));
  return `Since the last scan: ${parts.join(' · ')}`;
}

/** The history line of a scan answer, or undefined when history is off. */
export function historyLine(note: HistoryNote, now: Date = new Date()): string | undefined {
  switch (note.kind) {
    case 'off':
      return undefined;
    case 'opening':
      return 'History is still opening: this scan is recorded when it is ready, so what changed since the last scan is not known yet.';
    case 'unavailable':
      return `Not compared with the last scan: ${note.message}`;
    case 'recorded':
      return sinceLine(note.since, now);
  }
}
