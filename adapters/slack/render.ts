// Reply -> a Slack message: header, summary, the ports as a monospace table, one-line notes with
// warning marks, and buttons, planned within Block Kit's limits. Every block's text is counted,
// the "showing N of M" line included, against a budget well under where Slack starts refusing
// messages (`msg_blocks_too_long`); what does not fit is cut, and the line says where the whole
// result went.
import type { types } from '@slack/bolt';
import type { Reply, ReplyTone } from '../../src/report/reply.js';
import { cellOf, resultTable, type ResultTable } from '../../src/report/result-table.js';
import { BlockBudget, packLines } from './budget.js';
import { actionsBlock } from './render-actions.js';
import { clip, escapeText } from './escape.js';
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

/** Where the whole result went when the message had to be cut; the cut line says so. */
export type FullResultRoute = 'thread' | 'direct-message' | 'nowhere';

export interface RenderOptions {
  /** Characters of block text this message may carry (a retry after msg_blocks_too_long passes less). */
  readonly textBudget?: number;
  /** Slack user id of whoever asked: a channel result names them, as Discord does by itself. */
  readonly requestedBy?: string;
  readonly fullResult?: FullResultRoute;
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

const fullResultWords: Record<FullResultRoute, string> = {
  thread: 'the full result is attached as a JSON file in this message’s thread.',
  'direct-message': 'the full result was sent as a JSON file by direct message to whoever asked.',
  nowhere: 'the full result could not be attached here: the operator can run `portbot scan <target> --json` for all of it.',
};

function cutLine(shown: number, total: number, reply: Reply, route: FullResultRoute): string {
  const what = `Showing ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ports`;
  return reply.tone === 'progress' ? `${what} so far.` : `${what}; ${fullResultWords[route]}`;
}

export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const budget = new BlockBudget(slackLimits.blocksPerMessage, options.textBudget ?? slackLimits.totalBlockText);
  const table = resultTable(reply.rows);
  const route = options.fullResult ?? 'thread';
  // Held back for the cut line, at its longest (every row shown), so adding it never breaks the budget.
  budget.spend(1, cutLine(table.rows.length, table.rows.length, reply, route).length);

  const header: types.HeaderBlock = {
    type: 'header',
    text: { type: 'plain_text', text: clip(reply.title || 'portbot', slackLimits.headerText), emoji: false },
  };
  const head: types.KnownBlock[] = [header, section(clip(`${toneMark[reply.tone]} ${escapeText(reply.summary)}`, slackLimits.sectionText))];
  if (reply.folded !== undefined) head.push(context(clip(escapeText(reply.folded), slackLimits.sectionText)));

  const tail: types.KnownBlock[] = [];
  for (const part of reply.sections) {
    tail.push(section(clip(`*${escapeText(part.heading)}*\n${escapeText(part.text)}`, slackLimits.sectionText)));
  }
  if (reply.notes.length > 0) {
    tail.push(section(clip(reply.notes.map((note) => `• ${escapeText(note)}`).join('\n'), slackLimits.sectionText)));
  }
  // An id Slack renders as the person's name; it comes from Slack's own payload, never from text.
  if (options.requestedBy !== undefined && /^[A-Z0-9]+$/.test(options.requestedBy)) tail.push(context(`Requested by <@${options.requestedBy}>`));
  const actions = actionsBlock(reply.actions);
  if (actions !== undefined) tail.push(actions);
  for (const block of [...head, ...tail]) budget.spend(1, blockTextLength(block));

  const lines = tableLines(table);
  const packedTable = packLines(lines.lines, (chunk) => codeBlock([lines.header, ...chunk]), codeBlockOverhead + lines.header.length + 1, slackLimits.sectionText, budget);
  const notes = table.rows.slice(0, packedTable.packed).flatMap((row) => [...(row.note === undefined ? [] : [row.note]), ...row.findings].map(noteLine));
  const packedNotes = packLines(notes, (chunk) => chunk.join('\n'), 0, slackLimits.sectionText, budget);

  const cut = packedTable.packed < table.rows.length || packedNotes.packed < notes.length;
  const middle: types.KnownBlock[] = [...packedTable.texts, ...packedNotes.texts].map(section);
  if (cut) middle.push(context(cutLine(packedTable.packed, table.rows.length, reply, route)));
  return { text: fallbackText(reply, table), blocks: [...head, ...middle, ...tail], cut, shownRows: packedTable.packed, totalRows: table.rows.length };
}

function fallbackText(reply: Reply, table: ResultTable): string {
  const open = table.rows
    .filter((row) => row.state === 'open')
    .map((row) => (['host', 'port', 'service'] as const).flatMap((key) => cellOf(table, row, key) ?? []).join(' '));
  const openPart = open.length > 0 ? ` Open: ${open.slice(0, 20).join(', ')}${open.length > 20 ? ', …' : ''}` : '';
  return clip(escapeText(`${reply.title}: ${reply.summary}${openPart}`), slackLimits.fallbackText);
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
