// Which refusals pause a watch. A run is an ordinary scan as the watch's creator; when the policy
// says no for a reason that will not pass by itself (the target is no longer allowed, the creator
// may no longer scan, the operator lowered a cap below the watch's size), the watch pauses and
// says why in its channel, once. A busy moment (rate limit, the creator's scan slots) only skips
// that run.
import type { Refusal } from '../errors.js';

export type WatchPauseReason = 'target-not-allowed' | 'requester-not-allowed' | 'over-limit';

/** undefined: skip this run and try at the next slot. */
export function pauseReasonOf(refusal: Refusal): WatchPauseReason | undefined {
  switch (refusal.code) {
    case 'no-allowlist':
    case 'target-denied':
    case 'target-not-allowed':
      return 'target-not-allowed';
    case 'not-authorised':
      return 'requester-not-allowed';
    case 'too-many-ports':
    case 'too-many-addresses':
      return 'over-limit';
    default:
      return undefined;
  }
}
