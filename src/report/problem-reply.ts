// Answers that are not results: bad input, refusals and internal errors. Always private, so a
// typo or a denied target never spams the channel, and always one line the person can act on.
import type { Reply, ReplyAction } from './reply.js';
import type { Problem } from '../errors.js';

const privateReply = (title: string, summary: string, tone: Reply['tone'], actions: readonly ReplyAction[] = []): Reply => ({
  title,
  summary,
  tone,
  visibility: 'requester',
  rows: [],
  sections: [],
  notes: [],
  actions,
});

export function problemReply(problem: Problem): Reply {
  if (problem.kind === 'refusal') return privateReply('Scan refused', problem.message, 'danger');
  if (problem.code === 'unresolvable-target') return privateReply("Can't find that host", problem.message, 'warning');
  // A near miss ("/port shh") is answered as the question it probably was, with that answer one press away.
  if (problem.suggestion !== undefined) {
    const explain: ReplyAction = { kind: 'explain', label: `Explain ${problem.suggestion}`, query: problem.suggestion };
    return privateReply(`Did you mean "${problem.suggestion}"?`, problem.message, 'info', [explain]);
  }
  return privateReply("Can't read that command", problem.message, 'warning');
}

/** A bug or broken infrastructure: the details (stack, cause) go to the operational log only. */
export function errorReply(code: string): Reply {
  return privateReply(
    'Something went wrong',
    `portbot could not finish this command (error ${code}); the operator can find the details in portbot's log.`,
    'danger',
  );
}

/**
 * Failures whose line is written for the requester: a zone's agents not running, lost mid-scan, or
 * silent past the deadline, or the queue out of reach. Any other failure is a bug or broken
 * infrastructure whose details stay in the log (errorReply).
 */
const TOLD_FAILURES: ReadonlySet<string> = new Set(['no-agent', 'agent-lost', 'agent-failed', 'timed-out', 'expired', 'queue-unavailable', 'job-removed', 'duplicate-job', 'invalid-answer']);

export function failedReply(code: string, message: string): Reply {
  return TOLD_FAILURES.has(code) ? privateReply('Scan not done', `${message.charAt(0).toUpperCase()}${message.slice(1)}.`, 'danger') : errorReply(code);
}

/** A short private acknowledgement, e.g. for a Cancel press or a refused button. */
export const noticeReply = (title: string, summary: string, tone: Reply['tone'] = 'info'): Reply => privateReply(title, summary, tone);
