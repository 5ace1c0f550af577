// Retry and timeout policy of the TCP prober. The numbers follow nmap's defaults (initial timeout
// 1 s, minimum 100 ms, up to 10 retransmissions) with one twist on how many tries a port gets:
// it depends on what the host has shown so far, as nmap's max_successful_tryno does.
//  - A host that never answered anything (every SYN dropped) gets 2 tries per port: more tries
//    would only repeat the silence, and 1,000 dropped ports then finish in about two timeouts.
//  - A host that answers, with no sign of loss yet, gets 3 tries per port.
//  - A host that answers and has answered a retransmission (so it loses packets but is there)
//    gets the full 10 tries per port: at 20% loss a closed port then ends up unanswered with a
//    chance of 0.2^10, and each extra try costs only the RTT-adapted timeout (>= 100 ms).
import type { TimeoutBounds } from './rtt.js';

export interface TcpTiming {
  readonly timeout: TimeoutBounds;
  readonly silentHostTries: number;
  readonly answeringHostTries: number;
  readonly lossyHostTries: number;
}

export const defaultTcpTiming: TcpTiming = {
  timeout: { initialMs: 1000, minMs: 100, maxMs: 10_000 },
  silentHostTries: 2,
  answeringHostTries: 3,
  lossyHostTries: 10,
};

/** What the host has shown so far: whether anything answered, and the latest try that did. */
export interface HostEvidence {
  readonly answered: boolean;
  /** Highest 0-based try number that got an answer; -1 when none did. */
  readonly deepestAnsweredTry: number;
}

export function triesAllowed(timing: TcpTiming, evidence: HostEvidence): number {
  if (!evidence.answered) return timing.silentHostTries;
  return evidence.deepestAnsweredTry >= 1 ? timing.lossyHostTries : timing.answeringHostTries;
}
