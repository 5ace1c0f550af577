// Slack parses control sequences (<!channel>, <@U123>, <https://x|label>) wherever mrkdwn text
// appears, even inside code blocks. Slack's own rule is to escape exactly &, < and >; with those
// gone no sequence can open. Every untrusted string (hostnames, echoed input, banners) goes
// through here before it reaches a block or the `text` fallback.

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * For mrkdwn outside code blocks. Slack has no escape for *bold*, _italic_, ~strike~ or `code`
 * (a backslash shows as a backslash), and a banner could style or fake parts of an answer. An
 * opening mark needs a space or punctuation before it, so a zero-width space there keeps the mark
 * as text and the words as they read; marks inside words (PORTBOT_ALLOWLIST) never open, so they
 * stay untouched. A zero-width space after a scheme's colon keeps "https://…" from becoming a link.
 */
export function escapeText(text: string): string {
  return escapeMrkdwn(text)
    .replace(/(^|[^\p{L}\p{N}])(?=[*_~`])/gmu, `$1${ZERO_WIDTH_SPACE}`)
    .replace(/:(?=\/\/)/g, `:${ZERO_WIDTH_SPACE}`);
}

/** For text inside a ``` block: also defuse backticks so untrusted text cannot close the block. */
export function escapeCode(text: string): string {
  return escapeMrkdwn(text).replace(/`/g, 'ˋ');
}

/**
 * Cuts already-escaped text to `max` characters (a Block Kit limit), marking the cut with an
 * ellipsis; never leaves half an entity ("&am") behind, which Slack would show as garbage.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).replace(/&[a-z]*$/, '')}…`;
}
