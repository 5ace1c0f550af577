import type { CuratedPort } from './entry.js';

// E-mail: servers relaying to each other (25), people sending (465/587) and reading (110/143/993/995).
export const mailPorts: readonly CuratedPort[] = [
  {
    port: 25, transports: ['tcp'], service: 'smtp', label: 'SMTP (mail transfer)',
    aliases: ['mail', 'email', 'e-mail'],
    summary: 'The port mail servers use to hand e-mail to each other.',
    usedFor: 'Server-to-server mail delivery; many home and cloud networks block it outbound to stop spam.',
    security: 'A server that relays mail for anyone (an open relay) is abused for spam; encryption (STARTTLS) is opportunistic and can be stripped.',
    saferAlternative: 'People sending mail should use submission on 587 or 465, never 25.', risky: false,
    note: 'Mail server (SMTP): must not relay for strangers', seeAlso: ['587', '465'],
  },
  {
    port: 587, transports: ['tcp'], service: 'submission', label: 'Mail submission (SMTP with STARTTLS)',
    summary: 'The port an e-mail program uses to send your mail to your provider, after logging in.',
    usedFor: 'Mail clients sending mail; the connection starts plain and upgrades to TLS with STARTTLS.',
    security: 'Should refuse to log anyone in before STARTTLS; a target for password guessing.',
    saferAlternative: 'Implicit TLS on 465 avoids the plain-text start.', risky: false,
    note: 'Mail submission (STARTTLS): require TLS before login', seeAlso: ['465', '25'],
  },
  {
    port: 465, transports: ['tcp'], service: 'submissions', label: 'Mail submission over TLS (SMTPS)',
    aliases: ['smtps', 'smtp ssl', 'smtp tls'],
    summary: 'The port an e-mail program uses to send your mail, encrypted from the very first byte.',
    usedFor: 'Mail clients sending mail with implicit TLS (RFC 8314); once deprecated, now the recommended choice.',
    security: 'Encrypted from the start, so nothing can be downgraded; still a target for password guessing.',
    risky: false, note: 'Mail submission with implicit TLS (SMTPS)', seeAlso: ['587', '25'],
  },
  {
    port: 110, transports: ['tcp'], service: 'pop3', label: 'POP3 (mail download)',
    aliases: ['pop', 'pop 3'],
    summary: 'An older way for an e-mail program to download your mail from the server.',
    usedFor: 'Mail clients fetching mail, usually deleting it from the server afterwards.',
    security: 'Without STARTTLS the password and every message cross the network in clear text.',
    saferAlternative: 'POP3S on 995 or IMAPS on 993.', risky: false,
    note: 'POP3 mail download: clear text unless STARTTLS is enforced', seeAlso: ['995', '143'],
  },
  {
    port: 995, transports: ['tcp'], service: 'pop3s', label: 'POP3 over TLS (POP3S)',
    summary: 'The encrypted way for an e-mail program to download your mail.',
    usedFor: 'Mail clients fetching mail over TLS.',
    security: 'Encrypted; the usual risk left is password guessing.',
    risky: false, note: 'POP3 mail download over TLS', seeAlso: ['110'],
  },
  {
    port: 143, transports: ['tcp'], service: 'imap', label: 'IMAP (mailbox access)',
    summary: 'Lets an e-mail program read and organise your mail while it stays on the server.',
    usedFor: 'Mail clients and phones syncing mailboxes and folders.',
    security: 'Without STARTTLS the password and mail cross the network in clear text.',
    saferAlternative: 'IMAPS on 993.', risky: false,
    note: 'IMAP mailbox access: clear text unless STARTTLS is enforced', seeAlso: ['993'],
  },
  {
    port: 993, transports: ['tcp'], service: 'imaps', label: 'IMAP over TLS (IMAPS)',
    summary: 'The encrypted way for an e-mail program to read your mail on the server.',
    usedFor: 'Mail clients and phones syncing mailboxes over TLS.',
    security: 'Encrypted; the usual risk left is password guessing, so use strong passwords or app passwords.',
    risky: false, note: 'IMAP mailbox access over TLS', seeAlso: ['143'],
  },
];
