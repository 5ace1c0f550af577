import type { Reply } from '../commands/reply.js';
import type { Explanation } from '../knowledge/types.js';

/** Renders a knowledge entry as a neutral Reply. STUB: replaced by the knowledge work. */
export function explanationReply(_explanation: Explanation): Reply {
  throw new Error('explanationReply: not implemented yet');
}
