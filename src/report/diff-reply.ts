// /diff: what changed between two stored scans, as nmap's ndiff reads them (port opened, closed,
// state or service changed). Each changed port is a row with its new state and, in the last column,
// what it was; a newly open port carries its note and risk mark like any open port in a scan.
import { portNote } from '../knowledge/index.js';
import { ago } from './age.js';
import type { Reply, ReplyRow, ReplyVisibility } from './reply.js';
import type { PortChange, ScanDiff } from './scan-diff.js';

export interface DiffReplyOptions {
  /** What was compared, as typed: a target, or "s3k9p and s7k2q". */
  readonly subject: string;
  readonly visibility: ReplyVisibility;
  readonly now?: Date;
}

const hostOf = (change: PortChange): string => (change.target === change.address ? change.address : `${change.target} (${change.address})`);

function row(change: PortChange, several: boolean): ReplyRow | undefined {
  if (change.to === null) return undefined; // not scanned by the newer scan: listed in a note
  const service = change.service?.to ?? change.service?.from ?? 'unknown';
  const was = change.service !== undefined ? `was ${change.service.from ?? 'unknown'}` : change.from === null ? 'not scanned before' : `was ${change.from}`;
  const base: ReplyRow = { ...(several ? { host: hostOf(change) } : {}), port: `${change.port}/${change.protocol}`, state: change.to, service, reason: was };
  const newlyOpen = change.to === 'open' && change.from !== 'open';
  const note = newlyOpen ? portNote(change.port, change.protocol) : null;
  return note === null ? base : { ...base, note: note.note, warning: note.warning };
}

function countsText(changes: readonly PortChange[]): string {
  const opened = changes.filter((change) => change.to === 'open' && change.from !== 'open').length;
  const closed = changes.filter((change) => change.from === 'open' && change.to !== null && change.to !== 'open').length;
  const other = changes.length - opened - closed;
  const parts = [opened > 0 ? `${opened} opened` : '', closed > 0 ? `${closed} no longer open` : '', other > 0 ? `${other} other change${other === 1 ? '' : 's'}` : ''].filter((part) => part !== '');
  return parts.join(', ');
}

export function diffReply(diff: ScanDiff, options: DiffReplyOptions): Reply {
  const now = options.now ?? new Date();
  const several = new Set(diff.changes.map((change) => change.address)).size > 1;
  const rows = diff.changes.map((change) => row(change, several)).filter((entry): entry is ReplyRow => entry !== undefined);
  const unscanned = diff.changes.filter((change) => change.to === null);
  const between = `${diff.from.id} (${ago(diff.from.startedAt, now)}) → ${diff.to.id} (${ago(diff.to.startedAt, now)})`;
  const notes = unscanned.length === 0 ? [] : [`Not scanned by ${diff.to.id}: ${unscanned.map((change) => `${several ? `${change.address} ` : ''}${change.port}/${change.protocol} (was ${change.from ?? 'unknown'})`).join(', ')}`];
  return {
    title: `What changed: ${options.subject}`,
    summary: diff.changes.length === 0 ? `${between}: no change.` : `${between}: ${countsText(diff.changes)}.`,
    tone: rows.some((entry) => entry.warning === true) ? 'warning' : diff.changes.length === 0 ? 'success' : 'info',
    visibility: options.visibility,
    rows,
    sections: [],
    notes,
    actions: [],
  };
}
