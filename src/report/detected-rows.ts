// What service detection found on one port, as the fields of its row in a chat answer: the name
// that answered, what it told (the VERSION cell), its certificate and its findings as lines beside
// the port. All of it except our own wording came from the server: it was cleaned of control
// characters when read, is cut here to sizes a chat can hold, and each renderer escapes it.
import type { ReplyFinding, ReplyRow } from '../report/reply.js';
import type { PortResult, TlsInfo } from '../scanner/types.js';
import { detectedName, findingTexts, versionText } from './detected-text.js';

/** The longest VERSION text a row carries (renderers cut their cell shorter still). */
const MAX_VERSION = 100;
/** The certificate line's subject and issuer, each of its names, and the whole line. */
const MAX_TLS_PART = 60;
const MAX_SAN_NAME = 40;
const MAX_SAN = 3;
const MAX_CERTIFICATE_LINE = 240;

/** Cuts text to `max` characters, marking the cut; the text is whole characters (no half surrogate). */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).replace(/[\ud800-\udbff]$/, '')}…`;
}

const day = (iso: string): string => iso.slice(0, 10);

/** "TLSv1.3 certificate CN=web-1 (also DNS:web-1.example.com), issued by CN=Example CA, valid until 2026-05-29". */
export function certificateLine(tls: TlsInfo): string {
  const names = (tls.san ?? []).slice(0, MAX_SAN).map((name) => clipText(name, MAX_SAN_NAME));
  const more = (tls.san?.length ?? 0) > MAX_SAN ? `, +${(tls.san?.length ?? 0) - MAX_SAN} more` : '';
  const also = names.length === 0 ? '' : ` (also ${names.join(', ')}${more})`;
  const issuer = tls.selfSigned ? 'self-signed' : `issued by ${clipText(tls.issuer, MAX_TLS_PART)}`;
  return clipText(`${tls.version} certificate ${clipText(tls.subject, MAX_TLS_PART)}${also}, ${issuer}, valid until ${day(tls.notAfter)}`, MAX_CERTIFICATE_LINE);
}

/** The row fields detection adds to an open port: none when nothing was detected there. */
export function detectedFields(port: PortResult): Pick<ReplyRow, 'service' | 'version' | 'findings'> | undefined {
  const { detected } = port;
  if (detected === undefined) return undefined;
  const certificate: ReplyFinding[] = detected.tls === undefined ? [] : [{ text: certificateLine(detected.tls), warning: false }];
  const findings = findingTexts(detected).map((finding): ReplyFinding => ({ text: finding.line, warning: finding.severity !== 'low' }));
  return { service: detectedName(detected), version: clipText(versionText(detected), MAX_VERSION), findings: [...certificate, ...findings] };
}
