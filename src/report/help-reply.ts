// What portbot can do, with examples that work as typed. Private: help is for the one who asked.
import type { Reply } from '../commands/reply.js';

export type HelpTopic = 'all' | 'scan' | 'port';

const SCAN_HELP = [
  '/scan <targets> [ports] [udp] [private]',
  'Checks which ports answer on hosts the operator allows. Ports: 22 · 22,80,443 · 1-1024 · ssh,https · common (the default) · top100 · all · U:53 for UDP.',
  'Examples: /scan web-1 · /scan web-1 22,80,443 · /scan 10.0.0.5 1-1024 private · /scan dns-1 53 udp',
  '"private" shows the result only to you; a long scan shows progress and can be cancelled by whoever started it.',
].join('\n');

const PORT_HELP = [
  '/port <number, service or idea>',
  'Explains what a port is for and what to watch out for, or a networking idea.',
  'Examples: /port 3389 · /port ssh · /port filtered · /port tcp vs udp · what is port 22 for?',
].join('\n');

export function helpReply(topic: HelpTopic = 'all'): Reply {
  const sections = [
    ...(topic === 'port' ? [] : [{ heading: 'Scan ports', text: SCAN_HELP }]),
    ...(topic === 'scan' ? [] : [{ heading: 'Explain a port', text: PORT_HELP }]),
  ];
  return {
    title: topic === 'all' ? 'portbot help' : `portbot help: /${topic}`,
    summary: 'portbot scans allowed hosts for open ports and explains what ports are for.',
    tone: 'info',
    visibility: 'requester',
    rows: [],
    sections,
    notes: ['Results use nmap’s words: open, closed, filtered, open|filtered, with the reason for each.'],
    actions: [],
  };
}
