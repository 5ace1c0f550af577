// Documents are generated as many small pieces (a line, a record); writers and uploads want
// fewer, bigger ones. One write per port would cost more than the scan, and chunks above V8's
// large-object threshold (128 KB) would each sit in their own pages until a full GC: ~64 KB.
export const CHUNK_CHARS = 64 * 1024;

/** Joins pieces (each carrying its own line end) into chunks of about `size` characters. */
export function* chunked(pieces: Iterable<string>, size: number = CHUNK_CHARS): Generator<string> {
  let chunk = '';
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length >= size) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Each line followed by "\n". */
export function* withNewlines(lines: Iterable<string>): Generator<string> {
  for (const line of lines) yield `${line}\n`;
}
