// /history and /diff in chat: the reads of src/scan/history-reads.ts in the reader's scope
// (their channel, their own private scans), answered once; an answer that lists a private scan
// goes only to the person who asked.
import type { Config } from '../config.js';
import type { AuditEntry } from '../policy/audit.js';
import type { Requester } from '../policy/types.js';
import { diffReply } from '../report/diff-reply.js';
import type { Logger } from 'pino';
import { historyLineOf, historyReply } from '../report/history-reply.js';
import { noticeReply } from '../report/problem-reply.js';
import type { Reply } from '../report/reply.js';
import { readDiff, readHistory, type HistoryProblem } from '../scan/history-reads.js';
import { readerScope, type ScanService } from '../scan/index.js';
import type { DiffCommand, HistoryCommand } from './parse-command.js';

export interface HistoryCommandContext {
  readonly service: ScanService;
  readonly config: Config;
  readonly record: (entry: Pick<AuditEntry, 'command' | 'decision'> & { reason?: string }) => void;
}

const privateIf = (config: Config, hasPrivate: boolean): Reply['visibility'] => (hasPrivate || config.PORTBOT_RESULTS === 'private' ? 'requester' : 'channel');

function problemAnswer(context: HistoryCommandContext, command: 'history' | 'diff', problem: HistoryProblem): Reply {
  context.record({ command, decision: problem.code === 'store-unavailable' ? 'failed' : 'answered', reason: problem.code });
  if (problem.code === 'store-unavailable') return noticeReply('History is unavailable', `portbot cannot read its history right now: ${problem.message}.`, 'warning');
  const title = problem.code === 'invalid-id' ? "Can't read that command" : 'Nothing to show';
  return noticeReply(title, `${problem.message.charAt(0).toUpperCase()}${problem.message.slice(1)}.`, problem.code === 'invalid-id' ? 'warning' : 'info');
}

export async function handleHistory(context: HistoryCommandContext, command: HistoryCommand, requester: Requester): Promise<Reply> {
  await context.service.recordsSettled();
  const found = await readHistory(context.service.history, command.target, readerScope(requester));
  if (!found.ok && found.error.code !== 'no-history') return problemAnswer(context, 'history', found.error);
  const entries = found.ok ? found.value : [];
  context.record({ command: 'history', decision: 'answered' });
  const reply = historyReply(command.target, entries);
  return { ...reply, visibility: entries.length === 0 ? 'requester' : privateIf(context.config, reply.visibility === 'requester') };
}

export async function handleDiff(context: HistoryCommandContext, command: DiffCommand, requester: Requester): Promise<Reply> {
  await context.service.recordsSettled();
  const found = await readDiff(context.service.history, command.query, readerScope(requester));
  if (!found.ok) return problemAnswer(context, 'diff', found.error);
  context.record({ command: 'diff', decision: 'answered' });
  const subject = command.query.kind === 'target' ? command.query.target : `${found.value.diff.from.id} and ${found.value.diff.to.id}`;
  return diffReply(found.value.diff, { subject, visibility: privateIf(context.config, found.value.includesPrivate) });
}

/** Discord shows 25 suggestions at most, and wants them within 3 s. */
const MAX_CHOICES = 25;
const CHOICES_WAIT_MS = 1500;

/** Bot.scanChoices: the target's recent scans this person may see, or none when history is slow. */
export async function recentScans(service: ScanService, requester: Requester, target: string, logger: Pick<Logger, 'warn'>): Promise<{ id: string; label: string }[]> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), CHOICES_WAIT_MS)));
  try {
    const found = await Promise.race([readHistory(service.history, target, readerScope(requester), MAX_CHOICES), late]);
    if (found === undefined || !found.ok) return [];
    const now = new Date();
    return found.value.map((entry) => ({ id: entry.job.id, label: historyLineOf(entry, now) }));
  } catch (error) {
    logger.warn({ err: error }, 'could not read history for suggestions');
    return [];
  } finally {
    clearTimeout(timer);
  }
}
