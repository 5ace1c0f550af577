// The ports of a result (the core's table model) as an nmap-like monospace table, cut into
// chunks that each fit one section block. Columns are padded on the raw text (Slack shows &lt; as
// one character), then escaped, so a hostile service name can neither break the layout's
// alignment much nor the block.
import { headerCells, type ResultTable, type TableNote } from '../../src/report/result-table.js';
import { columnWidths, formatColumns } from '../../src/report/text-columns.js';
import { escapeCode, escapeText } from './escape.js';

/** A cell longer than this is cut: one hostile name must not push every other column away. */
const MAX_CELL = 40;

/** Header plus one line per row, all padded to shared column widths and escaped for a code block. */
export function tableLines(table: ResultTable): { readonly header: string; readonly lines: readonly string[] } {
  const clipped = [headerCells(table), ...table.rows.map((row) => row.cells.map((cell) => cell.slice(0, MAX_CELL)))];
  const [header = '', ...lines] = formatColumns(clipped, 2, columnWidths(clipped, MAX_CELL)).map(escapeCode);
  return { header, lines };
}

/** A note shown under the table for an open port (its own, or a detection finding); a warning mark when it is risky. */
export function noteLine(note: TableNote): string {
  const mark = note.warning ? ':warning:' : ':small_blue_diamond:';
  return `${mark} *${escapeText(note.subject)}*: ${escapeText(note.text)}`;
}

/** Wraps lines into a ``` block; the cost is what the section's text will measure. */
export const codeBlock = (lines: readonly string[]): string => `\`\`\`\n${lines.join('\n')}\n\`\`\``;
export const codeBlockOverhead = codeBlock([]).length;
