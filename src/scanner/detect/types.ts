// What service detection says about one open TCP port. Names are nmap's service names, so people
// who know `nmap -sV` read them at once; HTTP behind TLS is `http` with `tls`, as nmap's XML says
// name="http" tunnel="ssl". Everything here that came from the server has been cleaned
// (sanitize.ts: control characters stripped, length capped); escaping for a chat is the renderer's.

/** The certificate and protocol of a TLS handshake. */
export interface TlsInfo {
  /** 'TLSv1.3', 'TLSv1.2', ... as the handshake negotiated it. */
  readonly version: string;
  /** "CN=web-1.example.com, O=Example" */
  readonly subject: string;
  /** Subject alternative names, e.g. ["DNS:web-1.example.com", "IP Address:10.0.0.5"]. */
  readonly san?: readonly string[];
  readonly issuer: string;
  /** The certificate's expiry, ISO 8601. */
  readonly notAfter: string;
  /** The certificate signed itself (its own key verifies it), so no authority vouches for it. */
  readonly selfSigned: boolean;
}

/**
 * Something worth telling the team, as a code with its data; the plain-language text lives above
 * the scanner, beside the port notes. The scanner knows no wording.
 */
export type Finding =
  | { readonly code: 'cert-expired'; readonly notAfter: string; readonly daysAgo: number }
  | { readonly code: 'cert-expires-soon'; readonly notAfter: string; readonly daysLeft: number }
  | { readonly code: 'cert-self-signed'; readonly subject: string }
  /** The certificate does not cover the name the scan was asked for. */
  | { readonly code: 'cert-name-mismatch'; readonly name: string }
  /** TLS 1.0 or 1.1 was accepted (both deprecated by RFC 8996). */
  | { readonly code: 'tls-old-version'; readonly version: string }
  /** A login service without encryption: telnet, or FTP/POP3/IMAP that offers no STARTTLS. */
  | { readonly code: 'cleartext-login'; readonly service: string }
  /** A database or cache that answered a command without authentication (Redis PONG, memcached, Elasticsearch). */
  | { readonly code: 'no-auth'; readonly service: string; readonly product?: string }
  /** An SSH server that speaks only protocol 1 (broken since 1998; RFC 4253 is version 2). */
  | { readonly code: 'ssh-old-protocol'; readonly protocolVersion: string }
  /** The port is registered for one service and another answers (SSH on 443). */
  | { readonly code: 'unexpected-service'; readonly registered: string; readonly found: string };

export type FindingCode = Finding['code'];

export interface DetectedService {
  /** nmap's service name: ssh, http, smtp, ftp, pop3, imap, redis, postgresql, mysql, ... ('ssl' when only TLS was recognised). */
  readonly name: string;
  readonly product?: string;
  readonly version?: string;
  /** Extra detail: HTTP status and page title, SSH protocol version, "STARTTLS offered", ... */
  readonly info?: string;
  readonly tls?: TlsInfo;
  readonly findings: readonly Finding[];
}
