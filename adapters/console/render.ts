// A Reply as terminal text: title coloured by tone, the summary, nmap's table with notes and
// warnings, sections, notes and what the buttons would do. Widths are measured before colouring.
// Given the terminal's width, every line is wrapped at word boundaries (wrap.ts); without one
// (piped output) lines stay whole, so scripts can grep them. The console has one reader, so
// nothing is marked private.
import stringWidth from 'string-width';
import type { Reply, ReplyAction, ReplyRow } from '../../src/report/reply.js';
import { columnWidths } from '../../src/report/text-columns.js';
import { headerCells, NOTE_TITLE, resultTable } from '../../src/report/result-table.js';
import { clean, type Paint } from './ansi.js';
import { columnOf, fitWidth, wrapLine } from './wrap.js';

const INDENT = '  ';
const NOTE_LABEL = 'note: ';
const NEXT_LABEL = 'next: ';

export function renderReply(reply: Reply, paint: Paint, width = Infinity): string {
  const lines: string[] = [];
  const add = (line: string, hang: number): void => void lines.push(...wrapLine(line, width, hang));
  add(paint.tone(reply.tone, clean(reply.title)), INDENT.length);
  add(INDENT + clean(reply.summary), INDENT.length);
  for (const section of reply.sections) {
    lines.push('');
    add(INDENT + paint.bold(clean(section.heading)), INDENT.length);
    for (const line of clean(section.text, false).split('\n')) add(INDENT + INDENT + line, 2 * INDENT.length);
  }
  if (reply.folded !== undefined) {
    lines.push('');
    for (const line of clean(reply.folded, false).split('\n')) add(INDENT + line, 2 * INDENT.length);
  }
  if (reply.rows.length > 0) {
    if (reply.folded === undefined) lines.push('');
    const [header = '', ...body] = table(reply.rows, paint);
    // A long note continues under the NOTE column, not under the port; a finding under its own start.
    const noteColumn = columnOf(header, 'NOTE') ?? 2 * INDENT.length;
    add(header, noteColumn);
    for (const row of body) add(row, row.startsWith(FINDING_INDENT) ? FINDING_INDENT.length + 2 : noteColumn);
  }
  if (reply.notes.length > 0) {
    lines.push('');
    for (const note of reply.notes) add(`${INDENT}${paint.dim(NOTE_LABEL.trimEnd())} ${clean(note)}`, INDENT.length + NOTE_LABEL.length);
  }
  const hints = reply.actions.map(actionHint).filter((hint) => hint !== undefined);
  if (hints.length > 0) {
    lines.push('');
    add(`${INDENT}${paint.dim(`${NEXT_LABEL}${hints.join(' · ')}`)}`, INDENT.length + NEXT_LABEL.length);
  }
  return `${lines.join('\n')}\n\n`;
}

/** One line, redrawn in place on a terminal: cut to `width`, the hint dropped first, then the targets. */
export function renderProgress(reply: Reply, paint: Paint, width = Infinity): string {
  const title = clean(reply.title);
  const summary = clean(reply.summary);
  const hint = '(Ctrl-C cancels)';
  if (stringWidth(`… ${title} ${summary} ${hint}`) <= width) return `${paint.tone('progress', '…')} ${title} ${summary} ${paint.dim(hint)}`;
  const room = width - stringWidth(`…  ${summary}`);
  return `${paint.tone('progress', '…')} ${fitWidth(title, Math.max(0, room))} ${summary}`;
}

/** A short acknowledgement (Ctrl-C's "The scan is stopping…") on one line of at most `width`. */
export function renderNotice(reply: Reply, paint: Paint, width = Infinity): string {
  return paint.dim(fitWidth(`… ${clean(reply.summary)}`, width));
}

/** The console has no buttons: say what to type instead. */
function actionHint(action: ReplyAction): string | undefined {
  if (action.kind === 'rescan') return clean(action.command);
  if (action.kind === 'explain') return `/port ${clean(action.query)}`;
  return undefined;
}

/** A VERSION cell longer than this is cut: the NOTE column must stay on the screen. */
const MAX_VERSION = 32;
/** Where a finding's line starts: under the port, a little in. */
const FINDING_INDENT = INDENT.repeat(3);

function table(rows: readonly ReplyRow[], paint: Paint): string[] {
  // Columns and cells come from the shared table model; the console adds the note column and colour.
  const model = resultTable(rows);
  const header = [...headerCells(model), NOTE_TITLE];
  const versionColumn = model.columns.findIndex((column) => column.key === 'version');
  const fit = (cell: string, index: number): string => (index === versionColumn ? fitWidth(clean(cell), MAX_VERSION) : clean(cell));
  const cells = model.rows.map((row) => [...row.cells.map(fit), clean(row.note?.text ?? '')]);
  const widths = columnWidths([header, ...cells]);
  const stateColumn = model.columns.findIndex((column) => column.key === 'state');
  const line = (row: readonly string[], rowIndex: number | undefined): string =>
    INDENT +
    row
      .map((cell, index) => {
        const padded = index === row.length - 1 ? cell : cell.padEnd((widths[index] ?? 0) + 2);
        if (rowIndex === undefined) return paint.bold(padded);
        if (index === stateColumn) return paint.state(cell, padded);
        if (index === row.length - 1 && model.rows[rowIndex]?.note?.warning === true) return paint.warn(`! ${cell}`);
        return padded;
      })
      .join('')
      .trimEnd();
  // What detection found sits on lines of its own under the row: a wide VERSION column leaves the
  // NOTE column too little room for a sentence.
  const findings = (rowIndex: number): string[] =>
    (model.rows[rowIndex]?.findings ?? []).map((finding) => FINDING_INDENT + (finding.warning ? paint.warn(`! ${clean(finding.text)}`) : `· ${clean(finding.text)}`));
  return [line(header, undefined), ...cells.flatMap((row, index) => [line(row, index), ...findings(index)])];
}
