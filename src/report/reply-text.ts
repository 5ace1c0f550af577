// A Reply as plain text without any markup: `portbot port` prints it, and tests compare what
// different adapters show against it. Colour and layout for people live in the adapters.
import type { Reply } from '../commands/reply.js';
import { formatColumns } from './text-columns.js';

export function replyText(reply: Reply): string {
  const lines = [reply.title, reply.summary];
  for (const section of reply.sections) lines.push('', `${section.heading}:`, section.text);
  if (reply.folded !== undefined) lines.push('', reply.folded);
  if (reply.rows.length > 0) {
    const several = reply.rows.some((row) => row.host !== undefined);
    const header = [...(several ? ['HOST'] : []), 'PORT', 'STATE', 'SERVICE', 'REASON', 'NOTE'];
    const body = reply.rows.map((row) => [
      ...(several ? [row.host ?? ''] : []),
      row.port,
      row.state,
      row.service,
      row.reason,
      `${row.warning === true ? '(!) ' : ''}${row.note ?? ''}`,
    ]);
    lines.push(...formatColumns([header, ...body], 2).map((line) => line.trimEnd()));
  }
  if (reply.notes.length > 0) lines.push('', ...reply.notes.map((note) => `Note: ${note}`));
  return lines.join('\n') + '\n';
}
