// The shape of the probe table (probes.ts): which bytes to send, and what in the answer names the
// service. Data, not code paths: adding a protocol is adding rows. Replies are matched as latin-1
// text (one character per byte), so binary greetings (MySQL, SMB) match with \x escapes.

/**
 * A value written from a match: `$1`..`$9` stand for the pattern's groups. A template whose
 * groups all came out empty gives nothing, so "protocol $1" never becomes "protocol ".
 */
export type Template = string;

/** A template on the match's own groups, or on another pattern searched anywhere in the reply. */
export type Field = Template | { readonly from: RegExp; readonly value: Template; readonly otherwise?: string };

/** What findings are judged on, besides the name (findings.ts). */
export type Fact = 'auth' | 'starttls' | 'loginDisabled' | 'sshProtocol';

export interface Fields {
  readonly product?: Field;
  readonly version?: Field;
  /** Every part that yields a value joins `info`, separated by "; ". */
  readonly info?: readonly Field[];
  readonly facts?: Partial<Record<Fact, Field>>;
}

/** A second question on the same connection, asked once the service is known (EHLO, CAPA, INFO). */
export interface FollowUp extends Fields {
  readonly payload: string;
  /** The answer is complete once it matches this (else: when the server goes quiet). */
  readonly until?: RegExp;
}

export interface ServiceMatch extends Fields {
  /** nmap's service name. */
  readonly service: string;
  readonly pattern: RegExp;
  /** Only on these ports: a bare "220" greeting is FTP on 21 and SMTP on 25. */
  readonly ports?: readonly number[];
  readonly followUp?: FollowUp;
  /** The server agreed to TLS on this connection (PostgreSQL's 'S'): hand it to the TLS handshake. */
  readonly upgradeToTls?: true;
}

interface ProbeBase {
  readonly id: string;
  /** Ports where this is the likeliest probe: tried first, without waiting for a banner. */
  readonly ports: readonly number[];
  /** Also tried, in table order, on ports not listed (after the banner wait). */
  readonly fallback: boolean;
}

/** Bytes to send (latin-1), or null: only listen for what the server says first. */
export interface BytesProbe extends ProbeBase {
  readonly kind: 'bytes';
  readonly payload: string | null;
  readonly matches: readonly ServiceMatch[];
  /** Read the whole answer (to the close, the byte cap or a pause) before matching: HTTP's title comes late. */
  readonly readToEnd?: true;
}

/** A TLS handshake (node:tls), then the banner and HTTP probes inside it. */
export interface TlsProbe extends ProbeBase {
  readonly kind: 'tls';
  /** Inside TLS, these ports speak first (IMAPS, POP3S, SMTPS): listen before sending HTTP. */
  readonly bannerFirst: readonly number[];
}

export type ServiceProbe = BytesProbe | TlsProbe;
