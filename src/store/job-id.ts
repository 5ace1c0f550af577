// Job ids people type: `/diff s7k2q r4m8x`. Lower case, no i/l/o/u (they read as 1, 1, 0, v), and a
// letter first so an id never looks like a port number or an address. Five characters give 28 × 32⁴
// ≈ 29 million ids; the store inserts with "on conflict do nothing" and draws again, one character
// longer after a few collisions, so uniqueness rests on the primary key, not on luck.
import { randomInt } from 'node:crypto';

const DIGITS_AND_LETTERS = '0123456789abcdefghjkmnpqrstvwxyz';
const LETTERS = DIGITS_AND_LETTERS.slice(10);

export const JOB_ID_LENGTH = 5;

const JOB_ID_PATTERN = new RegExp(`^[${LETTERS}][${DIGITS_AND_LETTERS}]{${JOB_ID_LENGTH - 1},11}$`);

/** A fresh random id; `attempt` (0, 1, …) lengthens it by one character every three collisions. */
export function newJobId(attempt = 0): string {
  const length = JOB_ID_LENGTH + Math.floor(attempt / 3);
  let id = LETTERS[randomInt(LETTERS.length)]!;
  while (id.length < length) id += DIGITS_AND_LETTERS[randomInt(DIGITS_AND_LETTERS.length)]!;
  return id;
}

/** The id as stored (trimmed, lower case), or undefined when the text cannot be a job id. */
export function parseJobId(text: string): string | undefined {
  const id = text.trim().toLowerCase();
  return JOB_ID_PATTERN.test(id) ? id : undefined;
}
