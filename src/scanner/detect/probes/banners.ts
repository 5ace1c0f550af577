// What servers say first, before the client sends anything: SSH's identification line (RFC 4253
// 4.2), the SMTP (RFC 5321), FTP (RFC 959), POP3 (RFC 1939) and IMAP (RFC 9051) greetings, the
// MySQL/MariaDB handshake packet, telnet option negotiation (RFC 854) and VNC's RFB version. These
// matches are also tried on every other probe's answer, so a banner that arrives late still counts.
/* eslint-disable no-control-regex -- binary greetings (MySQL, telnet) are matched byte for byte */
import type { FollowUp, ServiceMatch } from '../probe-types.js';

/** EHLO with a reserved name (RFC 2606); the 250 lines list the extensions, STARTTLS among them (RFC 3207). */
const ehlo: FollowUp = {
  payload: 'EHLO portbot.invalid\r\n',
  until: /^(250 |[45]\d\d )/m,
  facts: { starttls: { from: /^250[ -]STARTTLS\b/im, value: 'yes', otherwise: 'no' } },
  info: [{ from: /^250[ -]STARTTLS\b/im, value: 'STARTTLS offered' }],
};

/** FEAT (RFC 2389) lists AUTH TLS when the server does FTP over TLS (RFC 4217). */
const feat: FollowUp = {
  payload: 'FEAT\r\n',
  until: /^(211|[45]\d\d) /m,
  facts: { starttls: { from: /^ ?AUTH (TLS|SSL)\b/im, value: 'yes', otherwise: 'no' } },
  info: [{ from: /^ ?AUTH (TLS|SSL)\b/im, value: 'AUTH TLS offered' }],
};

/** CAPA (RFC 2449) lists STLS when POP3 offers STARTTLS (RFC 2595). */
const capa: FollowUp = {
  payload: 'CAPA\r\n',
  until: /^(\.\r?$|-ERR)/m,
  facts: { starttls: { from: /^STLS\b/m, value: 'yes', otherwise: 'no' } },
  info: [{ from: /^STLS\b/m, value: 'STARTTLS offered' }],
};

/** IMAP CAPABILITY: STARTTLS, and LOGINDISABLED when cleartext LOGIN is refused (RFC 9051 6.1.1). */
const capability: FollowUp = {
  payload: 'a1 CAPABILITY\r\n',
  until: /^a1 /m,
  facts: {
    starttls: { from: /\bSTARTTLS\b/, value: 'yes', otherwise: 'no' },
    loginDisabled: { from: /\bLOGINDISABLED\b/, value: 'yes' },
  },
  info: [{ from: /\bSTARTTLS\b/, value: 'STARTTLS offered' }],
};

const SMTP_PORTS = [25, 465, 587, 2525];
const FTP_PORTS = [21, 990, 2121];

export const bannerMatches: readonly ServiceMatch[] = [
  // SSH-protoversion-softwareversion SP comments CR LF; "SSH-1.99" means 2 and 1 both.
  {
    service: 'ssh',
    pattern: /^SSH-(\d+\.\d+)-([^\s_-]+)[_-]?(\S*)(?: ([^\r\n]*))?\r?\n/,
    product: '$2',
    version: '$3',
    info: ['protocol $1', '$4'],
    facts: { sshProtocol: '$1' },
  },
  { service: 'smtp', pattern: /^220[ -][^\r\n]*ESMTP Postfix/, product: 'Postfix smtpd', followUp: ehlo },
  { service: 'smtp', pattern: /^220[ -][^\r\n]*\bExim (\d[\w.]*)/, product: 'Exim smtpd', version: '$1', followUp: ehlo },
  { service: 'smtp', pattern: /^220[ -][^\r\n]*\bSendmail ([\w.]+)/, product: 'Sendmail', version: '$1', followUp: ehlo },
  { service: 'ftp', pattern: /^220 \(vsFTPd (\d[\w.]*)\)/, product: 'vsftpd', version: '$1', followUp: feat },
  { service: 'ftp', pattern: /^220[ -]ProFTPD(?: (\d[\w.]*))?/, product: 'ProFTPD', version: '$1', followUp: feat },
  { service: 'ftp', pattern: /^220[ -][^\r\n]*Pure-FTPd/, product: 'Pure-FTPd', followUp: feat },
  { service: 'ftp', pattern: /^220[ -]FileZilla Server(?: version)? ?(\d[\w.]*)?/, product: 'FileZilla ftpd', version: '$1', followUp: feat },
  // Generic greetings: "FTP" in an FTP server's words first, so "mail.example.com FTP" stays FTP.
  { service: 'ftp', pattern: /^220[ -]([^\r\n]*\bFTP\b[^\r\n]*)\r?\n/i, info: ['$1'], followUp: feat },
  { service: 'smtp', pattern: /^220[ -]([^\r\n]*\b(?:E?SMTP|[Mm]ail)\b[^\r\n]*)\r?\n/, info: ['$1'], followUp: ehlo },
  // A bare 220 says nothing by itself: named by the port it answers on.
  { service: 'ftp', pattern: /^220[ -]([^\r\n]*)\r?\n/, ports: FTP_PORTS, info: ['$1'], followUp: feat },
  { service: 'smtp', pattern: /^220[ -]([^\r\n]*)\r?\n/, ports: SMTP_PORTS, info: ['$1'], followUp: ehlo },
  { service: 'pop3', pattern: /^\+OK[^\r\n]*\bDovecot\b/, product: 'Dovecot pop3d', followUp: capa },
  { service: 'pop3', pattern: /^\+OK ?([^\r\n]*)\r?\n/, info: ['$1'], followUp: capa },
  { service: 'imap', pattern: /^\* OK[^\r\n]*\bDovecot\b/, product: 'Dovecot imapd', followUp: capability },
  { service: 'imap', pattern: /^\* (?:OK|PREAUTH) ?([^\r\n]*)\r?\n/, info: ['$1'], followUp: capability },
  // Protocol 10 handshake: 3-byte length, sequence 0, 0x0a, server version NUL-terminated.
  { service: 'mysql', pattern: /^[\s\S]{3}\x00\x0a(?:5\.5\.5-)?(\d+\.\d+\.\d+)-MariaDB[^\x00]*\x00/, product: 'MariaDB', version: '$1' },
  { service: 'mysql', pattern: /^[\s\S]{3}\x00\x0a(\d+\.\d+\.\d+)[^\x00]*\x00/, product: 'MySQL', version: '$1' },
  // An error packet (0xff) instead of a handshake: the server refuses this client's address.
  {
    service: 'mysql',
    pattern: /^[\s\S]{3}\x00\xff[\s\S]{2}(?:#[\s\S]{5})?Host '[^']{0,255}' is not allowed to connect to this (MySQL|MariaDB) server/,
    product: '$1',
    info: ['refuses connections from this address'],
  },
  // IAC followed by WILL/WONT/DO/DONT: telnet option negotiation.
  { service: 'telnet', pattern: /^\xff[\xfb-\xfe]/ },
  { service: 'vnc', pattern: /^RFB (\d{3})\.(\d{3})\n/, info: ['protocol $1.$2'] },
];
