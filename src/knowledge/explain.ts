import type { InputProblem } from '../errors.js';
import type { Result } from '../result.js';
import type { Explanation } from './types.js';

/**
 * Answers a `/port` query: a number ("3389"), a service or common words ("ssh", "remote desktop"),
 * a question ("what is port 22 for?") or a concept ("tcp vs udp", "filtered"). Close misspellings
 * get an InputProblem with a did-you-mean. STUB: replaced by the knowledge work.
 */
export function explain(_query: string): Result<Explanation, InputProblem> {
  throw new Error('explain: not implemented yet');
}
