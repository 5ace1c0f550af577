// `portbot history <target>` and `portbot diff <target>|<id> <id>`: the operator's view of
// history (everything, every platform), as text or as the JSON documents of the README. They wait
// for the store (opening it is the answer's first step) and close it before exiting.
import { diffDocument, historyDocument } from '../report/history-document.js';
import { historyLineOf } from '../report/history-reply.js';
import { diffText } from '../report/diff-text.js';
import type { HistoryStore } from '../scan/index.js';
import { readDiff, readHistory, type DiffQuery, type HistoryProblem } from '../scan/history-reads.js';
import { OPERATOR_SCOPE } from '../store/types.js';
import { EXIT, usageError, type TerminalStreams } from './terminal.js';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** A malformed id is bad input (2); nothing to show and an unusable store are "anything else" (1). */
function fail(streams: TerminalStreams, problem: HistoryProblem): number {
  streams.stderr.write(`portbot: ${problem.message}\n`);
  return problem.code === 'invalid-id' ? EXIT.invalid : EXIT.failed;
}

export async function terminalHistory(history: HistoryStore, target: string, asJson: boolean, limit: number, streams: TerminalStreams): Promise<number> {
  const found = await readHistory(history, target, OPERATOR_SCOPE, limit);
  if (!found.ok) {
    // A script reading --json still gets a document it can parse, with the line on stderr.
    if (asJson && found.error.code === 'no-history') streams.stdout.write(json(historyDocument(target, [])));
    return fail(streams, found.error);
  }
  const now = new Date();
  streams.stdout.write(asJson ? json(historyDocument(target, found.value)) : `${found.value.map((entry) => historyLineOf(entry, now)).join('\n')}\n`);
  return EXIT.done;
}

/** `portbot history|diff <words> [--json]`: opens the store only for a well-formed request, reads, closes it. */
export async function terminalHistoryCommand(command: 'history' | 'diff', words: readonly string[], asJson: boolean, open: () => HistoryStore, streams: TerminalStreams): Promise<number> {
  const query = historyQuery(command, words);
  if (typeof query === 'string') return usageError(streams, query);
  const history = open();
  try {
    return query.kind === 'history' ? await terminalHistory(history, query.target, asJson, HISTORY_LINES, streams) : await terminalDiff(history, query, asJson, streams);
  } finally {
    await closeQuietly(history);
  }
}

export async function terminalDiff(history: HistoryStore, query: DiffQuery, asJson: boolean, streams: TerminalStreams): Promise<number> {
  const found = await readDiff(history, query, OPERATOR_SCOPE);
  if (!found.ok) return fail(streams, found.error);
  streams.stdout.write(asJson ? json(diffDocument(found.value.diff)) : diffText(found.value.diff));
  return EXIT.done;
}

/** Scans `portbot history` lists. */
const HISTORY_LINES = 20;

/** What `history`/`diff` were asked, or the usage line saying what to type. */
function historyQuery(command: 'history' | 'diff', words: readonly string[]): { kind: 'history'; target: string } | DiffQuery | string {
  if (command === 'history') return words.length === 1 ? { kind: 'history', target: words[0]! } : 'say which target, e.g. `portbot history localhost`';
  if (words.length === 1) return { kind: 'target', target: words[0]! };
  if (words.length === 2) return { kind: 'ids', ids: [words[0]!, words[1]!] };
  return 'say which target, or which two scan ids, e.g. `portbot diff localhost` or `portbot diff s3k9p s7k2q`';
}

async function closeQuietly(history: HistoryStore): Promise<void> {
  try {
    await history.close();
  } catch {
    // Nothing was written: a store that fails to close loses nothing.
  }
}
