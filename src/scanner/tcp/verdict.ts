// What a connect() outcome says about a port, in nmap -sT's words. Some errors say nothing about
// the port at all (the local machine ran out of descriptors, buffers or source ports): those are
// retried after a pause and never reported.
import type { PortReason, PortState } from '../types.js';

export type Verdict =
  | { readonly kind: 'final'; readonly state: PortState; readonly reason: PortReason }
  /** Nothing useful came back: treat as an unanswered probe (retry, then filtered/no-response). */
  | { readonly kind: 'unanswered' }
  /** Local resource exhaustion: back off and try again without counting a try. */
  | { readonly kind: 'local-resource' };

const final = (state: PortState, reason: PortReason): Verdict => ({ kind: 'final', state, reason });

const verdicts: Readonly<Record<string, Verdict>> = {
  // A RST, or ICMP port-unreachable (the default REJECT): nmap -sT says closed for both.
  ECONNREFUSED: final('closed', 'conn-refused'),
  // ICMP host-unreachable, host-prohibited and admin-prohibited (type 3 codes 1, 10, 13) all
  // arrive as EHOSTUNREACH on Linux: connect() cannot tell them apart, and nor can nmap -sT.
  EHOSTUNREACH: final('filtered', 'host-unreach'),
  ENETUNREACH: final('filtered', 'net-unreach'),
  // Some stacks (notably for IPv6) and local firewalls report an administrative block this way.
  EACCES: final('filtered', 'admin-prohibited'),
  EPERM: final('filtered', 'admin-prohibited'),
  EMFILE: { kind: 'local-resource' },
  ENFILE: { kind: 'local-resource' },
  ENOBUFS: { kind: 'local-resource' },
  ENOMEM: { kind: 'local-resource' },
  EADDRNOTAVAIL: { kind: 'local-resource' },
  EADDRINUSE: { kind: 'local-resource' },
  EAGAIN: { kind: 'local-resource' },
};

const unanswered: Verdict = { kind: 'unanswered' };

/** ETIMEDOUT, ECONNRESET mid-handshake and anything unforeseen count as no answer, so they get retried. */
export const verdictFor = (code: string): Verdict => verdicts[code] ?? unanswered;
