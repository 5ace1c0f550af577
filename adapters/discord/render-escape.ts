// Every string in a Reply is plain text, and some of it is untrusted (hostnames, echoed input).
// Discord would render it as markdown, turn <@id> into a mention and [text](url) into a disguised
// link, so it is escaped before it reaches an embed. allowedMentions stops the pings; escaping
// stops the look of a ping or a link that says one thing and goes elsewhere.
import { escapeMarkdown } from 'discord.js';

const ZERO_WIDTH_SPACE = '\u200b';

/** Control characters other than newline and tab: they can hide text or break layout. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** Escapes plain text for markdown contexts (description, field values, titles). */
export function escapeText(text: string): string {
  const markdownSafe = escapeMarkdown(text.replace(CONTROL, ''), {
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  });
  // <@id>, <@!id>, <@&role>, <#channel>, </command:id>, <t:...>, <:emoji:id>, @everyone, @here:
  // a zero-width space keeps Discord from parsing them, while the text still reads the same.
  // Block quotes and "-#" subtext are line-start markup that escapeMarkdown leaves alone.
  return neutraliseLinks(neutraliseMentions(markdownSafe)).replace(/^(\s*)(>|-#)/gm, '$1\\$2');
}

/**
 * Discord turns a bare "https://…" into a link wherever markdown is read; a banner or page title
 * must not become one. A zero-width space after the scheme's colon keeps the text and kills the link.
 */
const neutraliseLinks = (text: string): string => text.replace(/:(?=\/\/)/g, `:${ZERO_WIDTH_SPACE}`);

/** Mentions are not parsed inside code blocks; neutralising them anyway costs nothing. */
const neutraliseMentions = (text: string): string =>
  text.replace(/<(?=[@#/:]|a:|t:)/g, `<${ZERO_WIDTH_SPACE}`).replace(/@(?=everyone|here)/gi, `@${ZERO_WIDTH_SPACE}`);

/** Text placed inside a ``` code block: only a backtick run could close the block early. */
export function codeSafe(text: string): string {
  return neutraliseMentions(oneLine(text).replace(/`/g, "'"));
}

/** Text that must stay on its line (a table cell, a one-line note). */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Cuts text to `max` characters, marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
