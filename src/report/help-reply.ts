// What portbot can do, with examples that work where they are read: a chat's examples name hosts
// an operator would allow (web-1), the terminal's scan loopback, which the console allows by
// default. Private: help is for the one who asked.
import type { Reply } from './reply.js';

export type HelpTopic = 'all' | 'scan' | 'port' | 'ping' | 'history';

/** Chat platforms, or the console and CLI, which run as the operator on the operator's machine. */
export type HelpAudience = 'chat' | 'terminal';

const PORT_LISTS = 'Ports: 22 · 22,80,443 · 1-1024 · ssh,https · common (the default) · thorough (about 1,000) · all · U:53 for UDP.';

interface ScanWords {
  readonly example: string;
  readonly examples: readonly string[];
  readonly extras: string;
  readonly pingExamples: readonly string[];
}

const SCAN_WORDS: Record<HelpAudience, ScanWords> = {
  chat: {
    example: '/scan web-1 22,80,443',
    examples: ['/scan web-1', '/scan web-1 22,80,443', '/scan 10.0.0.5 1-1024 private', '/scan dns-1 53 udp'],
    extras: '"private" shows the result only to you; a long scan shows progress and can be cancelled by whoever started it.',
    pingExamples: ['/ping web-1', '/ping 10.0.0.0/28'],
  },
  terminal: {
    example: '/scan localhost 22,80',
    examples: ['/scan localhost 22,80', '/scan 127.0.0.1 1-1024', '/scan localhost 53 udp', '/scan 127.0.0.1 127.0.0.2 22'],
    extras: 'With no PORTBOT_ALLOWLIST the console scans loopback only; a long scan shows its progress, and Ctrl-C cancels it.',
    pingExamples: ['/ping localhost', '/ping 127.0.0.1 127.0.0.2'],
  },
};

/** One scan command that works for this audience, for error messages that end with an example. */
export const scanExample = (audience: HelpAudience): string => SCAN_WORDS[audience].example;

// One example a line: a command split across two lines is hard to copy.
const examplesText = (examples: readonly string[]): string => ['Examples:', ...examples.map((example) => `  ${example}`)].join('\n');

/** Service detection and discovery, as words anyone can add to a scan. */
const SCAN_OPTIONS =
  'What answers on each open port (product, version, certificate, risks) is identified by itself when a scan finds a few open ports (20 by default); ' +
  '"services" asks for it anyway, "no-services" never. "all-hosts" also scans addresses of a block that seem down. ' +
  '"xml" or "csv" attaches the result as a file other tools read (nmap\'s XML, or one row per port).';

const scanHelp = (audience: HelpAudience): string =>
  [
    '/scan <targets> [ports] [udp]' + (audience === 'chat' ? ' [private]' : '') + ' [services | no-services] [all-hosts] [xml | csv]',
    'Checks which ports answer on hosts the operator allows.',
    PORT_LISTS,
    examplesText(SCAN_WORDS[audience].examples),
    SCAN_WORDS[audience].extras,
    SCAN_OPTIONS,
  ].join('\n');

const pingHelp = (audience: HelpAudience): string =>
  [
    '/ping <targets>',
    'Says whether hosts are up and how far away, as nmap’s host discovery does: a TCP connection to 80, 443, 22, 445 or 3389 (a refusal counts: only a live host refuses) or an ICMP echo.',
    examplesText(SCAN_WORDS[audience].pingExamples),
  ].join('\n');

const PORT_HELP = [
  '/port <number, service or idea>',
  'Explains what a port is for and what to watch out for, or a networking idea.',
  examplesText(['/port 3389', '/port ssh', '/port filtered', '/port tcp vs udp', 'what is port 22 for?']),
].join('\n');

const historyHelp = (audience: HelpAudience): string => {
  const target = audience === 'chat' ? 'web-1' : 'localhost';
  return [
    '/history <target> · /diff <target> · /diff <id> <id>',
    'Every scan is remembered: /history lists the last scans of a target here (id, when, who, what was found); /diff shows what changed between its newest two scans, or between any two ids from /history, as nmap’s ndiff does.',
    examplesText([`/history ${target}`, `/diff ${target}`, '/diff s3k9p s7k2q']),
  ].join('\n');
};

const watchHelp = (audience: HelpAudience): string => {
  const target = audience === 'chat' ? 'web-1 22,443' : 'localhost 22,80';
  return [
    '/watch <target> [ports] every <interval> · /watch list · /watch stop <id>',
    'Scans a target on a schedule and speaks up only when something changes (a port opens or closes, a host stops answering, a service changes), in the place the watch was made.',
    examplesText([`/watch ${target} every 6h`, `/watch ${target} daily at 06:00`, '/watch list']),
  ].join('\n');
};

export function helpReply(topic: HelpTopic = 'all', audience: HelpAudience = 'chat'): Reply {
  const sections = [
    ...(topic === 'all' || topic === 'scan' ? [{ heading: 'Scan ports', text: scanHelp(audience) }] : []),
    ...(topic === 'all' || topic === 'history' ? [{ heading: 'History and changes', text: historyHelp(audience) }] : []),
    ...(topic === 'all' ? [{ heading: 'Watch a target', text: watchHelp(audience) }] : []),
    ...(topic === 'all' || topic === 'port' ? [{ heading: 'Explain a port', text: PORT_HELP }] : []),
    ...(topic === 'all' || topic === 'ping' ? [{ heading: 'Is it up?', text: pingHelp(audience) }] : []),
  ];
  return {
    title: topic === 'all' ? 'portbot help' : `portbot help: /${topic}`,
    summary: 'portbot scans allowed hosts for open ports, says whether hosts are up, and explains what ports are for.',
    tone: 'info',
    visibility: 'requester',
    rows: [],
    sections,
    notes: ['Results use nmap’s words: open, closed, filtered, open|filtered, with the reason for each.'],
    actions: [],
  };
}
