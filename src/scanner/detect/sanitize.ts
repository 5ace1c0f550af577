// Text a server sent, made safe to store: whatever a banner holds (terminal escapes, NULs, a
// megabyte of title) must not reach a report as it came. Escaping for a chat platform is the
// renderer's job; here control characters go, whitespace collapses and length is capped.
/* eslint-disable no-control-regex -- control characters are exactly what this removes */

/** Longest text kept from one field of a server's answer. */
export const MAX_FIELD_CHARS = 120;

// C0 and C1 controls, DEL, and the invisible formatting characters (bidi overrides, zero-width)
// that can make stored text read differently from what it holds.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Bytes read as latin-1 (one char per byte, as the matchers see them) turned back into UTF-8 text. */
export const utf8Of = (latin1: string): string => Buffer.from(latin1, 'latin1').toString('utf8');

/** Control characters become spaces, runs of whitespace one space, trimmed and capped at `max` characters. */
export function cleanText(text: string, max = MAX_FIELD_CHARS): string {
  const flat = text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  // Never leave half of a surrogate pair at the cut.
  return `${flat.slice(0, max - 1).replace(/[\ud800-\udbff]$/, '').trimEnd()}…`;
}
