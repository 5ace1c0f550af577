// `portbot history <target>` and `portbot diff <target>|<id> <id>`: the operator's view of
// history (everything, every platform), as text, as the JSON documents of the README, or as CSV. They wait
// for the store (opening it is the answer's first step) and close it before exiting.
import { diffDocument, historyDocument } from '../report/history-document.js';
import { diffCsv, historyCsv } from '../report/history-csv.js';
import { historyLineOf } from '../report/history-reply.js';
import { diffText } from '../report/diff-text.js';
import type { HistoryStore } from '../scan/index.js';
import { readDiff, readHistory, type DiffQuery, type HistoryProblem } from '../scan/history-reads.js';
import { OPERATOR_SCOPE } from '../store/types.js';
import { EXIT, usageError, type TerminalStreams } from './terminal.js';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** How history and diffs are printed: lines for people, or a document for scripts and spreadsheets. */
export type HistoryOutput = 'text' | 'json' | 'csv';

/** A malformed id is bad input (2); nothing to show and an unusable store are "anything else" (1). */
function fail(streams: TerminalStreams, problem: HistoryProblem): number {
  streams.stderr.write(`portbot: ${problem.message}\n`);
  return problem.code === 'invalid-id' ? EXIT.invalid : EXIT.failed;
}

export async function terminalHistory(history: HistoryStore, target: string, output: HistoryOutput, limit: number, streams: TerminalStreams): Promise<number> {
  const found = await readHistory(history, target, OPERATOR_SCOPE, limit);
  if (!found.ok) {
    // A script reading --json or --csv still gets a document it can parse, with the line on stderr.
    if (found.error.code === 'no-history' && output !== 'text') streams.stdout.write(output === 'json' ? json(historyDocument(target, [])) : historyCsv([]));
    return fail(streams, found.error);
  }
  const now = new Date();
  const shown = { text: () => `${found.value.map((entry) => historyLineOf(entry, now)).join('\n')}\n`, json: () => json(historyDocument(target, found.value)), csv: () => historyCsv(found.value) };
  streams.stdout.write(shown[output]());
  return EXIT.done;
}

/** `portbot history|diff <words> [--json|--csv]`: opens the store only for a well-formed request, reads, closes it. */
export async function terminalHistoryCommand(command: 'history' | 'diff', words: readonly string[], output: HistoryOutput, open: () => HistoryStore, streams: TerminalStreams): Promise<number> {
  const query = historyQuery(command, words);
  if (typeof query === 'string') return usageError(streams, query);
  const history = open();
  try {
    return query.kind === 'history' ? await terminalHistory(history, query.target, output, HISTORY_LINES, streams) : await terminalDiff(history, query, output, streams);
  } finally {
    await closeQuietly(history);
  }
}

export async function terminalDiff(history: HistoryStore, query: DiffQuery, output: HistoryOutput, streams: TerminalStreams): Promise<number> {
  const found = await readDiff(history, query, OPERATOR_SCOPE);
  if (!found.ok) return fail(streams, found.error);
  const { diff } = found.value;
  streams.stdout.write(output === 'json' ? json(diffDocument(diff)) : output === 'csv' ? diffCsv(diff) : diffText(diff));
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
