// Slack parses control sequences (<!channel>, <@U123>, <https://x|label>) wherever mrkdwn text
// appears, even inside code blocks. Slack's own rule is to escape exactly &, < and >; with those
// gone no sequence can open. Every untrusted string (hostnames, echoed input, banners) goes
// through here before it reaches a block or the `text` fallback.

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
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
