// The ports table, nmap's layout in a code block (monospace keeps the columns straight). Rows are
// added while they fit the character budget, so a huge result is cut here and counted, never
// silently truncated mid-row.
import type { ReplyRow } from '../../src/commands/reply.js';
import { clip, codeSafe } from './render-escape.js';

const SERVICE_WIDTH = 18;
const HOST_WIDTH = 40;
const OPEN_FENCE = '```\n';
const CLOSE_FENCE = '\n```';

export interface PortsTable {
  /** The code block, or '' when no row fits (or there are none). */
  readonly text: string;
  /** How many rows (from the start of the list) the block shows. */
  readonly shown: number;
}

function cells(row: ReplyRow, withHost: boolean): readonly string[] {
  const host = withHost ? [clip(codeSafe(row.host ?? ''), HOST_WIDTH)] : [];
  return [...host, codeSafe(row.port), row.state, clip(codeSafe(row.service), SERVICE_WIDTH), codeSafe(row.reason)];
}

/** The rows that fit in `budget` characters, fences included. */
export function portsTable(rows: readonly ReplyRow[], budget: number): PortsTable {
  if (rows.length === 0) return { text: '', shown: 0 };
  // Several hosts in one reply: a HOST column, as the core sets `host` only then.
  const withHost = rows.some((row) => row.host !== undefined);
  const header = [...(withHost ? ['HOST'] : []), 'PORT', 'STATE', 'SERVICE', 'REASON'];
  const body = rows.map((row) => cells(row, withHost));
  // Widths come from every row, not just the shown ones: cheap, and a cut table keeps its shape.
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((line) => line[column]?.length ?? 0)));
  const format = (line: readonly string[]): string =>
    line.map((cell, column) => (column === line.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ');

  let text = OPEN_FENCE + format(header);
  let shown = 0;
  for (const line of body) {
    const next = `${text}\n${format(line)}`;
    if (next.length + CLOSE_FENCE.length > budget) break;
    text = next;
    shown += 1;
  }
  if (shown === 0) return { text: '', shown: 0 };
  return { text: text + CLOSE_FENCE, shown };
}
