// A neutral Reply becomes one Discord message: an embed coloured by tone (summary, ports table,
// notes), buttons for the actions, and, when the result does not fit Discord's limits, the
// complete result as a JSON file with a footer that says how much is shown. The XML or CSV file a
// scan asked for goes along as a second file, with a line that says so (or why not).
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { withFileLine, type FileFate as RequestedFate } from '../../src/report/file-line.js';
import type { Reply, ReplyTone } from '../../src/report/reply.js';
import { resultTable, type TableRow } from '../../src/report/result-table.js';
import { renderButtons, type ActionCodec } from './render-actions.js';
import { clip, escapeText, oneLine } from './render-escape.js';
import { portsTable } from './render-table.js';

/** Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const EMBED_LIMITS = { title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footer: 2048, total: 6000 } as const;
/**
 * Discord's upload cap for a guild without boosts is 10 MiB a message, all files together (its
 * changelog: 25 MiB until 2025-01-16); keep clear of it (the embed and multipart overhead).
 */
const MAX_ATTACHMENT_BYTES = 9 * 1024 * 1024;
const UPLOAD_LIMIT = 'Discord takes 10 MiB of files per message';
/** Room kept for the footer that explains a cut, so adding it never breaks the total. */
const FOOTER_RESERVE = 200;

export const TONE_COLOUR: Record<ReplyTone, number> = {
  info: 0x5865f2,
  success: 0x57f287,
  warning: 0xfee75c,
  danger: 0xed4245,
  progress: 0x99aab5,
};

export interface DiscordMessage {
  readonly embeds: APIEmbed[];
  readonly components: ReturnType<typeof renderButtons>;
  readonly files: { readonly attachment: Buffer; readonly name: string }[];
  /** Nothing portbot sends may ping anyone, whatever the text says. */
  readonly allowedMentions: { readonly parse: []; readonly repliedUser: false };
}

export const NO_MENTIONS: DiscordMessage['allowedMentions'] = { parse: [], repliedUser: false };

export interface RenderOptions {
  /** Progress updates are cut without attaching a file: the final answer attaches the whole result. */
  readonly progress?: boolean;
  /** Discord refused the files of this message (why, in words): send it without them, saying so. */
  readonly filesRefused?: string;
}

/** The scan's requested XML/CSV file as bytes, and the line the answer gains about it. */
function requestedFile(reply: Reply, options: RenderOptions): { readonly reply: Reply; readonly file: { readonly attachment: Buffer; readonly name: string } | null } {
  const asked = reply.file;
  if (asked === undefined || options.progress === true) return { reply, file: null };
  const bytes = Buffer.from(asked.content);
  const fate: RequestedFate =
    options.filesRefused !== undefined ? { kind: 'refused', why: options.filesRefused } : bytes.length > MAX_ATTACHMENT_BYTES ? { kind: 'too-large', limit: UPLOAD_LIMIT } : { kind: 'attached' };
  return { reply: withFileLine(reply, fate), file: fate.kind === 'attached' ? { attachment: bytes, name: asked.filename } : null };
}

/** Packs lines into field values of at most 1,024 characters; an over-long line is clipped. */
function packLines(lines: readonly string[]): string[] {
  const values: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = clip(raw, EMBED_LIMITS.fieldValue);
    if (current !== '' && current.length + 1 + line.length > EMBED_LIMITS.fieldValue) {
      values.push(current);
      current = line;
    } else current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '') values.push(current);
  return values;
}

const CONTINUED = ' (continued)';

function fieldsNamed(name: string, lines: readonly string[]): APIEmbedField[] {
  return packLines(lines).map((value, index) => ({
    name: index === 0 ? clip(name, EMBED_LIMITS.fieldName) : clip(name, EMBED_LIMITS.fieldName - CONTINUED.length) + CONTINUED,
    value,
  }));
}

/** The note of an open port, then what detection found there: each a line, risky ones marked. */
function portNoteLines(row: TableRow): string[] {
  return [...(row.note === undefined ? [] : [row.note]), ...row.findings].map(
    (note) => `${note.warning ? '⚠️' : '•'} **${escapeText(oneLine(note.subject))}**: ${escapeText(oneLine(note.text))}`,
  );
}

function candidateFields(reply: Reply, shownRows: readonly TableRow[]): APIEmbedField[] {
  const sections = reply.sections.flatMap((section) =>
    fieldsNamed(escapeText(oneLine(section.heading)), escapeText(section.text).split('\n')),
  );
  const portNotes = shownRows.flatMap(portNoteLines);
  const notes = reply.notes.map((note) => `• ${escapeText(oneLine(note))}`);
  return [...sections, ...fieldsNamed('Open ports', portNotes), ...fieldsNamed('Notes', notes)];
}

export function renderReply(asked: Reply, codec: ActionCodec, options: RenderOptions = {}): DiscordMessage {
  const { reply, file: requested } = requestedFile(asked, options);
  const title = clip(escapeText(oneLine(reply.title)), EMBED_LIMITS.title);
  const head = [escapeText(oneLine(reply.summary)), reply.folded === undefined ? '' : escapeText(oneLine(reply.folded))].filter((part) => part !== '');
  const headText = clip(head.join('\n'), EMBED_LIMITS.description / 2);
  const tableBudget = Math.min(
    EMBED_LIMITS.description - headText.length - 1,
    EMBED_LIMITS.total - FOOTER_RESERVE - title.length - headText.length - 1,
  );
  const model = resultTable(reply.rows);
  const table = portsTable(model, tableBudget);
  const description = table.text === '' ? headText : `${headText}\n${table.text}`;

  let used = title.length + description.length + FOOTER_RESERVE;
  const fields: APIEmbedField[] = [];
  let fieldsDropped = 0;
  for (const field of candidateFields(reply, model.rows.slice(0, table.shown))) {
    const size = field.name.length + field.value.length;
    if (fields.length < EMBED_LIMITS.fields && used + size <= EMBED_LIMITS.total) {
      fields.push(field);
      used += size;
    } else fieldsDropped += 1;
  }

  const rowsCut = table.shown < model.rows.length;
  const cut = rowsCut || fieldsDropped > 0;
  const filename = reply.attachment?.filename ?? 'portbot-result.json';
  // Compact JSON: a full-range scan is ~100 bytes a port, and every byte counts against the cap.
  const file = cut && options.progress !== true ? Buffer.from(JSON.stringify(reply.attachment?.json ?? fullResult(reply))) : null;
  // The file asked for comes first; the JSON goes along when both fit under the cap.
  const room = MAX_ATTACHMENT_BYTES - (requested?.attachment.length ?? 0);
  const attach = file !== null && file.length <= room && options.filesRefused === undefined;
  const embed: APIEmbed = { title, description, color: TONE_COLOUR[reply.tone] };
  if (fields.length > 0) embed.fields = fields;
  const fate: FileFate =
    file === null ? { kind: 'progress' } : attach ? { kind: 'attached', filename } : options.filesRefused !== undefined ? { kind: 'refused', why: options.filesRefused } : { kind: 'too-large' };
  if (cut) embed.footer = { text: cutFooter(table.shown, model.rows.length, rowsCut, fate) };

  return {
    embeds: [embed],
    components: renderButtons(reply.actions, codec),
    files: [...(requested === null ? [] : [requested]), ...(attach ? [{ attachment: file, name: filename }] : [])],
    allowedMentions: NO_MENTIONS,
  };
}

/** What became of the complete result when the message had to be cut. */
type FileFate = { readonly kind: 'progress' } | { readonly kind: 'too-large' } | { readonly kind: 'refused'; readonly why: string } | { readonly kind: 'attached'; readonly filename: string };

function cutFooter(shown: number, total: number, rowsCut: boolean, fate: FileFate): string {
  const what = rowsCut ? `Showing ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ports` : 'Some notes did not fit';
  if (fate.kind === 'progress') return `${what} so far.`;
  if (fate.kind === 'refused') return `${what}; the full result could not be attached (${escapeText(fate.why)}): run \`portbot scan ... --json\` for all of it.`;
  if (fate.kind === 'too-large') return `${what}; the full result is too large to attach here: run \`portbot scan ... --json\` for all of it.`;
  // The filename is ours or the core's, never user text, but it still goes through the escaper.
  return `${what}; the full result is attached as ${escapeText(fate.filename)}.`;
}

/** The whole Reply minus its buttons: what a reader of the attached file needs. */
function fullResult(reply: Reply): unknown {
  const { actions: _actions, attachment: _attachment, file: _file, ...rest } = reply;
  return rest;
}
