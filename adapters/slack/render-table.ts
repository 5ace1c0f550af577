// The ports of a result as an nmap-like monospace table, cut into chunks that each fit one
// section block. Columns are padded on the raw text (Slack shows &lt; as one character), then
// escaped, so a hostile service name can neither break the layout's alignment much nor the block.
import type { ReplyRow } from '../../src/commands/reply.js';
import { escapeCode, escapeMrkdwn } from './escape.js';

const columns = ['PORT', 'STATE', 'SERVICE', 'REASON'] as const;

function cells(row: ReplyRow): readonly string[] {
  return [row.port, row.state, row.service, row.reason];
}

/** Header plus one line per row, all padded to shared column widths and escaped for a code block. */
export function tableLines(rows: readonly ReplyRow[]): { readonly header: string; readonly lines: readonly string[] } {
  const widths = columns.map((title) => title.length);
  for (const row of rows) {
    cells(row).forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, Math.min(cell.length, 40));
    });
  }
  const format = (values: readonly string[]): string =>
    escapeCode(
      values
        .map((value, index) => (index === values.length - 1 ? value : value.slice(0, 40).padEnd(widths[index] ?? 0)))
        .join('  ')
        .trimEnd(),
    );
  return { header: format(columns), lines: rows.map((row) => format(cells(row))) };
}

/** The note line shown under the table for an open port; a warning mark when it is risky. */
export function noteLine(row: ReplyRow & { readonly note: string }): string {
  const mark = row.warning === true ? ':warning:' : ':small_blue_diamond:';
  return `${mark} *${escapeMrkdwn(row.port)}* ${escapeMrkdwn(row.service)}: ${escapeMrkdwn(row.note)}`;
}

/** Wraps lines into a ``` block; the cost is what the section's text will measure. */
export const codeBlock = (lines: readonly string[]): string => `\`\`\`\n${lines.join('\n')}\n\`\`\``;
export const codeBlockOverhead = codeBlock([]).length;
