// The answers of /watch and the messages a watch posts on its own: confirmed (with the baseline),
// the list, stopped, paused, and an alert when something changed. Alerts and state changes go
// to the channel the watch belongs to; the list only to whoever asked. Each fact is said once;
// untrusted text (targets, hostnames, service names, user names) is left for the adapter to escape.
import type { Reply, ReplyAction, ReplySection } from '../report/reply.js';
import type { StoredHost, StoredResult } from '../store/types.js';
import type { WatchChange } from '../watch/changes.js';
import { hostAnswer } from '../watch/host-answers.js';
import type { WatchPauseReason } from '../watch/pause-reason.js';
import { scheduleWords, type WatchSchedule } from '../watch/schedule.js';
import { runTimeText } from '../watch/time-zone.js';
import { watchExample } from '../watch/watch-command.js';
import { formatCount } from './fold.js';
import { hostLabel, stateCounts } from './scan-summary.js';
import { changeLine, portName, RISK_MARK } from './watch-change-text.js';

/** What the replies say about a watch. */
export interface WatchFacts {
  readonly id: string;
  /** Targets as typed, e.g. "web-1" or "10.0.0.0/30". */
  readonly targets: string;
  /** Port list as typed; null for the default (common ports). */
  readonly ports: string | null;
  readonly udp: boolean;
  readonly schedule: WatchSchedule;
  /** Next run; undefined while paused. */
  readonly nextRun?: Date;
  readonly paused?: WatchPauseReason;
  /** Display name of whoever started it, for the list and the pause message only. */
  readonly createdBy?: string;
}

/** Explain buttons for at most this many opened ports: platforms cap buttons per message. */
const MAX_EXPLAIN_ACTIONS = 4;

const message = (reply: Omit<Reply, 'rows' | 'sections' | 'notes' | 'actions'> & Partial<Pick<Reply, 'sections' | 'notes' | 'actions'>>): Reply => ({
  rows: [],
  sections: [],
  notes: [],
  actions: [],
  ...reply,
});

const portsText = (watch: WatchFacts): string => `${watch.ports === null ? 'common ports' : `ports ${watch.ports}`}${watch.udp ? ' (UDP)' : ''}`;

const stopHint = (id: string): string => `/watch stop ${id} ends it.`;

/** After /watch: the watch's id, what and how often it scans, its next run, and the baseline it compares with. */
export function watchConfirmedReply(watch: WatchFacts, baseline: StoredResult, timeZone: string): Reply {
  const next = watch.nextRun === undefined ? '' : `; next run ${runTimeText(watch.nextRun, timeZone)}`;
  return message({
    title: `Watching ${watch.targets} (watch ${watch.id})`,
    summary: `${portsText(watch)}, ${scheduleWords(watch.schedule)}${next}.`,
    tone: 'success',
    visibility: 'channel',
    sections: [{ heading: 'Baseline', text: baseline.hosts.map(baselineLine).join('\n') || 'No hosts answered.' }],
    notes: [`portbot posts here only when something changes. ${stopHint(watch.id)}`],
  });
}

function baselineLine(host: StoredHost): string {
  const answer = hostAnswer(host);
  if (!answer.answering) return `${hostLabel(host)}: not answering (${answer.reason})`;
  const open = (['tcp', 'udp'] as const).flatMap((protocol) =>
    (host.sheets[protocol]?.listed ?? []).filter((port) => port.state === 'open').map((port) => portName(port.port, protocol, port.service)),
  );
  return `${hostLabel(host)}: ${stateCounts([host])}${open.length === 0 ? '' : ` (open: ${open.join(', ')})`}`;
}

/** /watch list: the watches of this channel (`all`: every watch, for the console and the CLI). */
export function watchListReply(watches: readonly WatchFacts[], timeZone: string, scope: 'channel' | 'all' = 'channel'): Reply {
  const where = scope === 'channel' ? ' in this channel' : '';
  if (watches.length === 0) {
    const start = `Start one with ${watchExample(scope === 'channel' ? 'chat' : 'terminal')}.`;
    return message({ title: 'Watches', summary: `No watches${where}. ${start}`, tone: 'info', visibility: 'requester' });
  }
  const lines = watches.map((watch) => {
    const state = watch.paused !== undefined ? `paused: ${pausedWhy(watch)}` : watch.nextRun === undefined ? '' : `next ${runTimeText(watch.nextRun, timeZone)}`;
    const by = watch.createdBy === undefined ? '' : `by ${watch.createdBy}`;
    return [watch.id, watch.targets, portsText(watch), scheduleWords(watch.schedule), state, by].filter((part) => part !== '').join(' · ');
  });
  return message({
    title: 'Watches',
    summary: `${formatCount(watches.length)} watch${watches.length === 1 ? '' : 'es'}${where}; /watch stop <id> ends one.`,
    tone: 'info',
    visibility: 'requester',
    sections: [{ heading: 'Id · target · ports · schedule · next run', text: lines.join('\n') }],
  });
}

/** /watch stop: said in the channel, which the watch posted to. */
export function watchStoppedReply(watch: WatchFacts): Reply {
  return message({
    title: `Stopped watching ${watch.targets}`,
    summary: `Watch ${watch.id} (${portsText(watch)}, ${scheduleWords(watch.schedule)}) is stopped; portbot no longer scans for it.`,
    tone: 'info',
    visibility: 'channel',
  });
}

function pausedWhy(watch: WatchFacts): string {
  switch (watch.paused) {
    case 'target-not-allowed':
      return `${watch.targets} is no longer allowed`;
    case 'requester-not-allowed':
      return `${watch.createdBy ?? 'the person who started it'} may no longer scan`;
    default:
      return `it is larger than portbot's limits now allow`;
  }
}

/** Posted once, in the watch's channel, when a run is refused for a reason that will not pass by itself. */
export function watchPausedReply(watch: WatchFacts & { readonly paused: WatchPauseReason }): Reply {
  return message({
    title: `Watch ${watch.id} paused`,
    summary: `Paused: ${pausedWhy(watch)}, so portbot stopped scanning ${watch.targets} for this watch. Ask the operator; ${stopHint(watch.id)}`,
    tone: 'warning',
    visibility: 'channel',
  });
}

/** What a run found that the last one did not; undefined when nothing changed (nothing is posted). */
export function watchAlertReply(watch: WatchFacts, changes: readonly WatchChange[]): Reply | undefined {
  if (changes.length === 0) return undefined;
  const lines = changes.map(changeLine);
  const risky = lines.some((line) => line.risky);
  const alarming = changes.some((change) => (change.kind === 'port' && change.to === 'open') || change.kind === 'host-down' || change.kind === 'flapping');
  const [only] = lines;
  const sections: ReplySection[] = lines.length === 1 ? [] : [{ heading: 'Changes', text: lines.map((line) => line.text).join('\n') }];
  const opened = [...new Set(lines.flatMap((line) => (line.opened === undefined ? [] : [line.opened])))];
  return message({
    title: `Watch ${watch.id}: ${watch.targets} changed`,
    summary: lines.length === 1 ? only!.text : `${formatCount(lines.length)} changes since the last run.`,
    tone: risky ? 'danger' : alarming ? 'warning' : 'info',
    visibility: 'channel',
    sections,
    notes: [...(risky ? [`${RISK_MARK} marks services that are risky to expose beyond a trusted network.`] : []), `Watch ${watch.id} scans ${scheduleWords(watch.schedule)}; ${stopHint(watch.id)}`],
    actions: opened.slice(0, MAX_EXPLAIN_ACTIONS).map((port): ReplyAction => ({ kind: 'explain', label: `Explain ${port}`, query: port })),
  });
}

/** /watch with nothing after it: what it does and how to write it. */
export function watchHelpReply(audience: 'chat' | 'terminal'): Reply {
  return message({
    title: 'Watches',
    summary: `portbot scans a target on a schedule and posts in this channel only when something changes. Start one with ${watchExample(audience)}.`,
    tone: 'info',
    visibility: 'requester',
    notes: ['/watch list shows the watches here; /watch stop <id> ends one. Intervals: every 30m, every 6h, every 1d, daily at 06:00.'],
  });
}
