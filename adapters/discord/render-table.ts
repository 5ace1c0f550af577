// The ports table (the core's table model), nmap's layout in a code block (monospace keeps the
// columns straight). Rows are added while they fit the character budget, so a huge result is cut
// here and counted, never silently truncated mid-row.
import { headerCells, type ResultTable } from '../../src/report/result-table.js';
import { formatColumns } from '../../src/report/text-columns.js';
import { clip, codeSafe } from './render-escape.js';

/** Service names, hosts and versions longer than this are clipped, so one long name cannot widen every row. */
const MAX_WIDTH: Readonly<Record<string, number>> = { service: 18, host: 40, version: 40 };
const OPEN_FENCE = '```\n';
const CLOSE_FENCE = '\n```';

export interface PortsTable {
  /** The code block, or '' when no row fits (or there are none). */
  readonly text: string;
  /** How many rows (from the start of the list) the block shows. */
  readonly shown: number;
}

/** The rows that fit in `budget` characters, fences included. */
export function portsTable(table: ResultTable, budget: number): PortsTable {
  if (table.rows.length === 0) return { text: '', shown: 0 };
  const limit = (cell: string, column: number): string => {
    const max = MAX_WIDTH[table.columns[column]?.key ?? ''];
    const safe = codeSafe(cell);
    return max === undefined ? safe : clip(safe, max);
  };
  const body = table.rows.map((row) => row.cells.map(limit));
  // Widths come from every row, not just the shown ones: cheap, and a cut table keeps its shape.
  const [header = '', ...lines] = formatColumns([headerCells(table), ...body], 2);

  let text = OPEN_FENCE + header;
  let shown = 0;
  for (const line of lines) {
    const next = `${text}\n${line}`;
    if (next.length + CLOSE_FENCE.length > budget) break;
    text = next;
    shown += 1;
  }
  if (shown === 0) return { text: '', shown: 0 };
  return { text: text + CLOSE_FENCE, shown };
}
