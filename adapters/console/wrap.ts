// Lines that fit the terminal: wrapped at word boundaries, continuation lines indented to a hang
// column (the line's own indent for prose, the NOTE column for table rows), so a wrapped sentence
// stays visibly one paragraph and no word is cut at the edge. wrap-ansi, string-width and
// slice-ansi measure what the terminal shows: colour codes take no room, wide characters two.
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import wrapAnsi from 'wrap-ansi';

/** Narrower than this, text beside a hang column would be a word or two per line. */
const MIN_TEXT = 20;
/** Continuation indent, beyond the line's own, when its hang column leaves too little room. */
const FALLBACK_HANG = 4;

const leadingSpaces = (line: string): number => /^ */.exec(stripAnsi(line))?.[0].length ?? 0;

/**
 * `line` (no newlines) as one or more lines of at most `width` columns. `hang` is the column where
 * continuation lines start; the caller puts it at a word boundary (an indent, a label, a column
 * gap). A word longer than a whole line is broken, since the terminal would break it anyway.
 */
export function wrapLine(line: string, width: number, hang: number): string[] {
  if (!Number.isFinite(width) || stringWidth(line) <= width) return [line];
  const lead = leadingSpaces(line);
  const fits = hang >= lead && hang + MIN_TEXT <= width;
  const start = fits ? hang : lead;
  const indent = fits ? hang : Math.max(0, Math.min(lead + FALLBACK_HANG, width - MIN_TEXT));
  const head = sliceAnsi(line, 0, start);
  const body = wrapAnsi(sliceAnsi(line, start), Math.max(1, width - Math.max(indent, start)), { hard: true, trim: true });
  return body.split('\n').map((part, index) => (index === 0 ? head : ' '.repeat(indent)) + part);
}

/** The display column where `title` starts in a header line, e.g. a table's NOTE column. */
export function columnOf(header: string, title: string): number | undefined {
  const plain = stripAnsi(header);
  const at = plain.indexOf(title);
  return at === -1 ? undefined : stringWidth(plain.slice(0, at));
}

/** Cuts plain text to `width` columns, ending with an ellipsis when anything was cut. */
export function fitWidth(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  return width <= 1 ? '' : `${sliceAnsi(text, 0, width - 1)}…`;
}
