import type { Protocol } from '../../scanner/types.js';

/**
 * One hand-written port entry. The texts are portbot's own words (nmap-services' licence forbids
 * copying it); names follow IANA's registry unless a test-documented deviation says otherwise.
 */
export interface CuratedPort {
  readonly port: number;
  /** Transports the service really uses, not every one IANA reserved for it. */
  readonly transports: readonly Protocol[];
  /** Short name shown in scan results (IANA's name where IANA registered this very service). */
  readonly service: string;
  /** The name people know it by, e.g. "Remote Desktop Protocol (RDP)". */
  readonly label: string;
  /** Other words people type for it ("rdp", "remote desktop"); matched by `/port` and port lists. */
  readonly aliases?: readonly string[];
  /** One plain sentence a family member would understand. */
  readonly summary: string;
  readonly usedFor: string;
  readonly security: string;
  readonly saferAlternative?: string;
  /** Risky when exposed: cleartext logins, remote desktop, file sharing, databases, admin panels. */
  readonly risky: boolean;
  /** The one line a scan result shows beside this port when it is open. */
  readonly note: string;
  /** `/port` queries for related topics, offered as buttons. */
  readonly seeAlso?: readonly string[];
}
