// A Reply as plain text without any markup: `portbot port` prints it, and tests compare what
// different adapters show against it. Colour and layout for people live in the adapters.
import type { Reply } from './reply.js';
import { headerCells, NOTE_TITLE, resultTable } from './result-table.js';
import { formatColumns } from './text-columns.js';

export function replyText(reply: Reply): string {
  const lines = [reply.title, reply.summary];
  for (const section of reply.sections) lines.push('', `${section.heading}:`, section.text);
  if (reply.folded !== undefined) lines.push('', reply.folded);
  const table = resultTable(reply.rows);
  if (table.rows.length > 0) {
    const body = table.rows.map((row) => [...row.cells, `${row.note?.warning === true ? '(!) ' : ''}${row.note?.text ?? ''}`]);
    const [header = '', ...rows] = formatColumns([[...headerCells(table), NOTE_TITLE], ...body], 2);
    lines.push(header);
    // What detection found on a port follows its row, each line marked (!) when it is a risk.
    rows.forEach((row, index) => lines.push(row, ...(table.rows[index]?.findings ?? []).map((finding) => `    ${finding.warning ? '(!)' : '-'} ${finding.text}`)));
  }
  if (reply.notes.length > 0) lines.push('', ...reply.notes.map((note) => `Note: ${note}`));
  return lines.join('\n') + '\n';
}
