// Findings are judged from what the probes learnt, as codes with data: the scanner knows no
// wording (the plain-language text for each code lives above the scanner, with the port notes).
import type { Identified } from './match.js';
import type { Finding, TlsInfo } from './types.js';

const DAY_MS = 86_400_000;
/** A certificate expiring within this many days is worth a warning now, not after it breaks. */
export const EXPIRY_WARNING_DAYS = 14;

/** Services that ask for a password and, without TLS, send it in the clear. */
const CLEARTEXT_LOGINS: ReadonlySet<string> = new Set(['ftp', 'pop3', 'imap']);
const OLD_TLS: ReadonlySet<string> = new Set(['SSLv3', 'TLSv1', 'TLSv1.1']);

/**
 * Registered names (IANA's and portbot's, as the report fills `service`) and detected names,
 * grouped by what actually speaks there: only a service of another family on a port is news.
 * Ports with a name outside this table (most of IANA's) are never judged: "pyrrho" on 5433 says
 * nothing about what a team runs there.
 */
const FAMILY: Readonly<Record<string, string>> = {
  ssh: 'ssh',
  http: 'http', https: 'http', 'http-alt': 'http', 'https-alt': 'http', 'http-proxy': 'http', 'www-http': 'http',
  elasticsearch: 'http', docker: 'http', couchdb: 'http',
  smtp: 'smtp', submission: 'smtp', submissions: 'smtp', smtps: 'smtp',
  ftp: 'ftp', ftps: 'ftp',
  telnet: 'telnet',
  pop3: 'pop3', pop3s: 'pop3',
  imap: 'imap', imaps: 'imap',
  mysql: 'mysql',
  postgresql: 'postgresql',
  redis: 'redis',
  memcache: 'memcached', memcached: 'memcached',
  'ms-wbt-server': 'rdp',
  'microsoft-ds': 'smb',
  rfb: 'vnc', vnc: 'vnc',
};

export interface JudgeContext {
  /** The port's registered service name (PortResult.service), or null. */
  readonly registered: string | null;
  readonly now: number;
  /** Set when the scan named the host and the certificate does not cover that name. */
  readonly mismatchedName?: string;
}

function certificateFindings(tls: TlsInfo, context: JudgeContext): Finding[] {
  const findings: Finding[] = [];
  const expiry = Date.parse(tls.notAfter);
  if (!Number.isNaN(expiry)) {
    const left = expiry - context.now;
    if (left < 0) findings.push({ code: 'cert-expired', notAfter: tls.notAfter, daysAgo: Math.floor(-left / DAY_MS) });
    else if (left <= EXPIRY_WARNING_DAYS * DAY_MS) findings.push({ code: 'cert-expires-soon', notAfter: tls.notAfter, daysLeft: Math.floor(left / DAY_MS) });
  }
  if (tls.selfSigned) findings.push({ code: 'cert-self-signed', subject: tls.subject });
  if (context.mismatchedName !== undefined) findings.push({ code: 'cert-name-mismatch', name: context.mismatchedName });
  if (OLD_TLS.has(tls.version)) findings.push({ code: 'tls-old-version', version: tls.version });
  return findings;
}

export function judge(found: Identified, tls: TlsInfo | undefined, context: JudgeContext): Finding[] {
  const findings = tls === undefined ? [] : certificateFindings(tls, context);
  const { name, facts } = found;
  if (name === 'telnet' && tls === undefined) findings.push({ code: 'cleartext-login', service: name });
  if (CLEARTEXT_LOGINS.has(name) && tls === undefined && facts.get('starttls') === 'no' && facts.get('loginDisabled') !== 'yes') {
    findings.push({ code: 'cleartext-login', service: name });
  }
  if (facts.get('auth') === 'none') {
    findings.push(found.product === undefined ? { code: 'no-auth', service: name } : { code: 'no-auth', service: name, product: found.product });
  }
  const sshProtocol = facts.get('sshProtocol');
  // "1.99" announces both versions; only a server that stops at 1.x is stuck in the past.
  if (name === 'ssh' && sshProtocol !== undefined && sshProtocol.startsWith('1.') && sshProtocol !== '1.99') {
    findings.push({ code: 'ssh-old-protocol', protocolVersion: sshProtocol });
  }
  const registeredFamily = context.registered === null ? undefined : FAMILY[context.registered];
  const foundFamily = FAMILY[name];
  if (registeredFamily !== undefined && foundFamily !== undefined && registeredFamily !== foundFamily) {
    findings.push({ code: 'unexpected-service', registered: context.registered!, found: name });
  }
  return findings;
}
