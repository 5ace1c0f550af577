// Plain-language text for what service detection finds (the scanner reports codes with data:
// src/scanner/detect/types.ts). A short line for the table beside the port, a paragraph that
// teaches what it means and what to do, and how much it matters.
import type { Finding } from '../scanner/types.js';

export type FindingSeverity = 'high' | 'medium' | 'low';

export interface FindingText {
  /** One line for the result, next to the port (under 100 characters plus what the server said). */
  readonly line: string;
  /** What it means and what to do about it. */
  readonly text: string;
  readonly severity: FindingSeverity;
}

const day = (iso: string): string => iso.slice(0, 10);
const days = (count: number): string => (count === 1 ? '1 day' : `${count} days`);

const LOGIN_NAMES: Readonly<Record<string, string>> = { telnet: 'Telnet', ftp: 'FTP', pop3: 'POP3', imap: 'IMAP' };

/** The text of one finding. */
export function findingText(finding: Finding): FindingText {
  switch (finding.code) {
    case 'cert-expired':
      return {
        line: `TLS certificate expired ${finding.daysAgo === 0 ? 'today' : `${days(finding.daysAgo)} ago`} (${day(finding.notAfter)})`,
        text: 'Browsers and clients refuse an expired certificate, or people learn to click through the warning, which is worse. Renew it, and automate renewal (ACME/Let\'s Encrypt or your CA\'s tooling) so it does not happen again.',
        severity: 'high',
      };
    case 'cert-expires-soon':
      return {
        line: `TLS certificate expires in ${finding.daysLeft === 0 ? 'less than a day' : days(finding.daysLeft)} (${day(finding.notAfter)})`,
        text: 'When it expires, clients will refuse the connection. Renew it now, and check that automatic renewal is working.',
        severity: 'medium',
      };
    case 'cert-self-signed':
      return {
        line: 'Self-signed TLS certificate: no authority vouches for it',
        text: 'Clients cannot tell this certificate from an attacker\'s, so people either get warnings or turn verification off. Fine for a lab; for anything people use, get a certificate from a public or internal CA that clients trust.',
        severity: 'medium',
      };
    case 'cert-name-mismatch':
      return {
        line: `TLS certificate does not cover the name ${finding.name}`,
        text: 'Clients that check names (browsers, most libraries) will refuse the connection or warn. Issue a certificate whose subject alternative names include every name people use for this host.',
        severity: 'medium',
      };
    case 'tls-old-version':
      return {
        line: `Accepts ${finding.version}, deprecated since 2021 (RFC 8996)`,
        text: 'TLS 1.0 and 1.1 have known weaknesses and are disabled in current browsers. Allow only TLS 1.2 and 1.3.',
        severity: 'medium',
      };
    case 'cleartext-login': {
      const name = LOGIN_NAMES[finding.service] ?? finding.service;
      return {
        line: `${name} login without encryption: passwords cross the network in clear text`,
        text: `Anyone on the path can read ${name} usernames and passwords. ${finding.service === 'telnet' ? 'Use SSH instead.' : 'Require TLS (STARTTLS or the TLS port) or replace the service (SFTP instead of FTP).'}`,
        severity: 'high',
      };
    }
    case 'no-auth':
      return {
        line: `${finding.product ?? finding.service} answers without authentication: anyone who reaches it can use it`,
        text: 'An open database, cache or container API gives its data (and often command execution on the host) to anyone who can connect. Require authentication, bind it to a private address, and let only the hosts that need it through the firewall.',
        severity: 'high',
      };
    case 'ssh-old-protocol':
      return {
        line: `SSH server speaks only protocol ${finding.protocolVersion}, broken for decades`,
        text: 'SSH protocol 1 has known attacks that expose sessions and credentials. Upgrade the server to one that speaks SSH-2 only.',
        severity: 'high',
      };
    case 'unexpected-service':
      return {
        line: `${finding.found} on a port registered for ${finding.registered}`,
        text: 'A service on another service\'s port is often a way around a firewall rule or a forgotten test setup, and it misleads anyone who reads scans by port number. Check that it is meant to be there.',
        severity: 'low',
      };
  }
}

/** What a kind of finding is called, for the note that teaches it once under a result. */
export const FINDING_TOPICS: Readonly<Record<Finding['code'], string>> = {
  'cert-expired': 'Expired certificate',
  'cert-expires-soon': 'Certificate about to expire',
  'cert-self-signed': 'Self-signed certificate',
  'cert-name-mismatch': 'Certificate for another name',
  'tls-old-version': 'Old TLS version',
  'cleartext-login': 'Login without encryption',
  'no-auth': 'No authentication',
  'ssh-old-protocol': 'SSH protocol 1',
  'unexpected-service': 'Service on another service’s port',
};
