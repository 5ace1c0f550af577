// The ports of a result as a table, decided here once: which columns (HOST only when the rows
// cover several hosts), the text of every cell, and the note that goes with an open port. The
// Slack, Discord, console and plain-text renderers only lay this out; when each chose its own
// columns they drifted apart, and Slack dropped HOST, so two hosts showed identical rows. With
// service detection, SERVICE says what answered and a VERSION column (last, as in nmap -sV) what it
// told; findings ride on their row, each named like the note, so every renderer puts them beside the port.
import type { ReplyRow } from './reply.js';
import type { PortState } from '../scanner/types.js';

export type ColumnKey = 'host' | 'port' | 'state' | 'service' | 'reason' | 'version';

export interface TableColumn {
  readonly key: ColumnKey;
  readonly title: string;
}

export interface TableNote {
  /** What the note is about: "22/tcp ssh", with the host in front when the table has a HOST column. */
  readonly subject: string;
  readonly text: string;
  /** Risky when exposed; renderers show a warning mark. */
  readonly warning: boolean;
}

export interface TableRow {
  /** One plain-text cell per column, in column order; renderers escape them for their platform. */
  readonly cells: readonly string[];
  readonly state: PortState;
  readonly note?: TableNote;
  /** What service detection found on this port (certificate, findings), in order; warnings carry a risk mark. */
  readonly findings: readonly TableNote[];
}

export interface ResultTable {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
}

/** The title of the trailing note column, for renderers that show notes beside the rows. */
export const NOTE_TITLE = 'NOTE';

const PORT_COLUMNS: readonly TableColumn[] = [
  { key: 'port', title: 'PORT' },
  { key: 'state', title: 'STATE' },
  { key: 'service', title: 'SERVICE' },
  { key: 'reason', title: 'REASON' },
];
const HOST_COLUMN: TableColumn = { key: 'host', title: 'HOST' };
const VERSION_COLUMN: TableColumn = { key: 'version', title: 'VERSION' };

export function resultTable(rows: readonly ReplyRow[]): ResultTable {
  const withHost = rows.some((row) => row.host !== undefined);
  const withVersion = rows.some((row) => row.version !== undefined);
  const columns = [...(withHost ? [HOST_COLUMN] : []), ...PORT_COLUMNS, ...(withVersion ? [VERSION_COLUMN] : [])];
  return {
    columns,
    rows: rows.map((row) => {
      const host = withHost ? [row.host ?? ''] : [];
      const cells = [...host, row.port, row.state, row.service, row.reason, ...(withVersion ? [row.version ?? ''] : [])];
      const subject = `${withHost ? `${row.host ?? ''} ` : ''}${row.port} ${row.service}`;
      const findings = (row.findings ?? []).map((finding) => ({ subject, text: finding.text, warning: finding.warning }));
      if (row.note === undefined || row.note === '') return { cells, state: row.state, findings };
      return { cells, state: row.state, note: { subject, text: row.note, warning: row.warning === true }, findings };
    }),
  };
}

/** The header cells, in column order. */
export const headerCells = (table: ResultTable): string[] => table.columns.map((column) => column.title);

/** The cell of one column in a row, or undefined when the table has no such column. */
export function cellOf(table: ResultTable, row: TableRow, key: ColumnKey): string | undefined {
  const index = table.columns.findIndex((column) => column.key === key);
  return index < 0 ? undefined : row.cells[index];
}
