import type { Protocol } from '../scanner/types.js';

/** What portbot knows about one port (curated, else the IANA registry, else unassigned). */
export interface PortExplanation {
  readonly kind: 'port';
  readonly port: number;
  /** Transports the service really uses (DNS is both; SSH is TCP only). */
  readonly transports: readonly Protocol[];
  readonly service: string | null;
  readonly source: 'curated' | 'iana' | 'unassigned';
  /** The name people know it by (curated entries), e.g. "Remote Desktop Protocol (RDP)". */
  readonly label?: string;
  /** IANA's row for this port (first of its transports), when the registry has a named one. */
  readonly iana?: { readonly name: string; readonly description: string };
  readonly range: 'well-known' | 'registered' | 'dynamic';
  /** One plain sentence a newcomer understands. */
  readonly summary: string;
  readonly usedFor?: string;
  readonly security?: string;
  readonly saferAlternative?: string;
  /** Risky when exposed (cleartext logins, remote desktop, file sharing, databases, admin panels). */
  readonly risky: boolean;
  /** Related `/port` queries ("22", "tcp vs udp"), offered as follow-ups. */
  readonly seeAlso?: readonly string[];
}

/** A networking idea: port, TCP, UDP, open, filtered, ping... */
export interface ConceptExplanation {
  readonly kind: 'concept';
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly seeAlso: readonly string[];
}

export type Explanation = PortExplanation | ConceptExplanation;

/** The one-line note a scan result shows beside an open port. */
export interface PortNote {
  readonly note: string;
  readonly warning: boolean;
}
