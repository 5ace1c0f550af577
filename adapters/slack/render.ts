// Reply -> a Slack message: header, summary, the ports as a monospace table, one-line notes with
// warning marks, and buttons, planned within Block Kit's limits. What does not fit is cut with a
// "showing N of M" line; the responder then attaches the full result as JSON.
import type { types } from '@slack/bolt';
import type { Reply, ReplyRow, ReplyTone } from '../../src/commands/reply.js';
import { BlockBudget, packLines } from './budget.js';
import { actionsBlock } from './render-actions.js';
import { clip, escapeMrkdwn } from './escape.js';
import { slackLimits } from './limits.js';
import { codeBlock, codeBlockOverhead, noteLine, tableLines } from './render-table.js';

export interface SlackMessage {
  /** Plain fallback for notifications and screen readers (escaped: Slack parses it too). */
  readonly text: string;
  readonly blocks: types.KnownBlock[];
  /** True when rows or notes were left out; the full result must then be attached. */
  readonly cut: boolean;
  readonly shownRows: number;
  readonly totalRows: number;
}

const toneMark: Record<ReplyTone, string> = {
  info: ':information_source:',
  success: ':white_check_mark:',
  warning: ':warning:',
  danger: ':no_entry:',
  progress: ':hourglass_flowing_sand:',
};

// verbatim: Slack must not turn bare "@here", "#channel" or URLs in our text into live links.
const mrkdwn = (text: string): types.MrkdwnElement => ({ type: 'mrkdwn', text, verbatim: true });
const section = (text: string): types.SectionBlock => ({ type: 'section', text: mrkdwn(text) });
const context = (text: string): types.ContextBlock => ({ type: 'context', elements: [mrkdwn(text)] });

export function renderReply(reply: Reply): SlackMessage {
  const budget = new BlockBudget();
  budget.spend(1, 0); // held back for the "showing N of M" line

  const header: types.HeaderBlock = {
    type: 'header',
    text: { type: 'plain_text', text: clip(reply.title || 'portbot', slackLimits.headerText), emoji: false },
  };
  const head: types.KnownBlock[] = [header, section(clip(`${toneMark[reply.tone]} ${escapeMrkdwn(reply.summary)}`, slackLimits.sectionText))];
  if (reply.folded !== undefined) head.push(context(clip(escapeMrkdwn(reply.folded), slackLimits.sectionText)));

  const tail: types.KnownBlock[] = [];
  for (const part of reply.sections) {
    tail.push(section(clip(`*${escapeMrkdwn(part.heading)}*\n${escapeMrkdwn(part.text)}`, slackLimits.sectionText)));
  }
  if (reply.notes.length > 0) {
    tail.push(section(clip(reply.notes.map((note) => `• ${escapeMrkdwn(note)}`).join('\n'), slackLimits.sectionText)));
  }
  const actions = actionsBlock(reply.actions);
  if (actions !== undefined) tail.push(actions);
  for (const block of [...head, ...tail]) budget.spend(1, blockTextLength(block));

  const rows = reply.rows;
  const table = tableLines(rows);
  const packedTable = packLines(table.lines, (lines) => codeBlock([table.header, ...lines]), codeBlockOverhead + table.header.length + 1, slackLimits.sectionText, budget);
  const shownRows = rows.slice(0, packedTable.packed);
  const noted = shownRows.filter((row): row is ReplyRow & { note: string } => row.note !== undefined && row.note !== '');
  const packedNotes = packLines(noted.map(noteLine), (lines) => lines.join('\n'), 0, slackLimits.sectionText, budget);

  const cut = packedTable.packed < rows.length || packedNotes.packed < noted.length;
  const middle: types.KnownBlock[] = [...packedTable.texts, ...packedNotes.texts].map(section);
  if (cut) {
    middle.push(context(`Showing ${packedTable.packed.toLocaleString('en-US')} of ${rows.length.toLocaleString('en-US')} ports; the full result is attached as a JSON file.`));
  }
  return { text: fallbackText(reply), blocks: [...head, ...middle, ...tail], cut, shownRows: packedTable.packed, totalRows: rows.length };
}

function fallbackText(reply: Reply): string {
  const open = reply.rows.filter((row) => row.state === 'open').map((row) => `${row.port} ${row.service}`);
  const openPart = open.length > 0 ? ` Open: ${open.slice(0, 20).join(', ')}${open.length > 20 ? ', …' : ''}` : '';
  return clip(escapeMrkdwn(`${reply.title}: ${reply.summary}${openPart}`), slackLimits.fallbackText);
}

/** Characters of text a block carries (what Slack's overall message limit counts). */
export function blockTextLength(block: types.KnownBlock): number {
  switch (block.type) {
    case 'header':
      return block.text.text.length;
    case 'section':
      return block.text?.text.length ?? 0;
    case 'context':
      return block.elements.reduce((sum, element) => sum + ('text' in element && typeof element.text === 'string' ? element.text.length : 0), 0);
    case 'actions':
      return block.elements.reduce((sum, element) => sum + ('text' in element && element.text !== undefined ? element.text.text.length : 0), 0);
    default:
      return 0;
  }
}
