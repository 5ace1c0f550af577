// A Reply as terminal text: title coloured by tone, the summary, nmap's table with notes and
// warnings, sections, notes and what the buttons would do. Widths are measured before colouring.
import type { Reply, ReplyAction, ReplyRow } from '../../src/commands/reply.js';
import { columnWidths } from '../../src/report/text-columns.js';
import { headerCells, NOTE_TITLE, resultTable } from '../../src/report/result-table.js';
import { clean, type Paint } from './ansi.js';

const INDENT = '  ';

export function renderReply(reply: Reply, paint: Paint): string {
  const marker = reply.visibility === 'requester' ? ` ${paint.dim('(private)')}` : '';
  const lines = [`${paint.tone(reply.tone, clean(reply.title))}${marker}`, INDENT + clean(reply.summary)];
  for (const section of reply.sections) {
    lines.push('', INDENT + paint.bold(clean(section.heading)));
    lines.push(...clean(section.text, false).split('\n').map((line) => INDENT + INDENT + line));
  }
  if (reply.folded !== undefined) lines.push('', ...clean(reply.folded, false).split('\n').map((line) => INDENT + line));
  if (reply.rows.length > 0) lines.push(...(reply.folded === undefined ? [''] : []), ...table(reply.rows, paint));
  if (reply.notes.length > 0) lines.push('', ...reply.notes.map((note) => `${INDENT}${paint.dim('note:')} ${clean(note)}`));
  const hints = reply.actions.map(actionHint).filter((hint) => hint !== undefined);
  if (hints.length > 0) lines.push('', `${INDENT}${paint.dim(`next: ${hints.join(' · ')}`)}`);
  return `${lines.join('\n')}\n\n`;
}

export function renderProgress(reply: Reply, paint: Paint): string {
  return `${paint.tone('progress', '…')} ${clean(reply.title)} ${clean(reply.summary)} ${paint.dim('(Ctrl-C cancels)')}\n`;
}

/** The console has no buttons: say what to type instead. */
function actionHint(action: ReplyAction): string | undefined {
  if (action.kind === 'rescan') return clean(action.command);
  if (action.kind === 'explain') return `/port ${clean(action.query)}`;
  return undefined;
}

function table(rows: readonly ReplyRow[], paint: Paint): string[] {
  // Columns and cells come from the shared table model; the console adds the note column and colour.
  const model = resultTable(rows);
  const header = [...headerCells(model), NOTE_TITLE];
  const cells = model.rows.map((row) => [...row.cells.map((cell) => clean(cell)), clean(row.note?.text ?? '')]);
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
  return [line(header, undefined), ...cells.map((row, index) => line(row, index))];
}
