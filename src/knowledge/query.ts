// Turns what people type after `/port` into something to look up: "what is port 22 for?" -> 22,
// "what's the ssh port" -> "ssh port", "tell me about tcp vs udp" -> "tcp vs udp".
import type { Protocol } from '../scanner/types.js';
import { topicKey } from './topic-key.js';

export type ParsedQuery =
  | { readonly kind: 'port'; readonly port: number; readonly protocol?: Protocol }
  | { readonly kind: 'topic'; readonly key: string };

// Longest phrases first: a regex alternation takes the first alternative that fits.
const phrases = (words: string): string =>
  words
    .split('|')
    .sort((a, b) => b.length - a.length)
    .join('|');

const leadIns = [
  /^(?:what|which) ports? (?:does|do|is|are) (.+?) (?:use|uses|run on|runs on|listen on|listens on|on)$/,
  new RegExp(`^(?:${phrases('what|whats|what is|what are|what does|what do|who uses|tell me about|tell me|explain|describe|define|meaning of|info on|info about|about|help with|is|are|does|do|can you explain')})\\s+(.+)$`),
  /^(?:the|a|an)\s+(.+)$/,
  new RegExp(`^(.+?)\\s+(?:${phrases('used for|is used for|is for|for|mean|means|do|does|stand for|about|used|please')})$`),
];

/** Strips question words until only the subject is left. */
export function stripQuestion(key: string): string {
  let current = key;
  for (let changed = true; changed; ) {
    changed = false;
    for (const pattern of leadIns) {
      const subject = pattern.exec(current)?.[1];
      if (subject !== undefined && subject !== current) {
        current = subject;
        changed = true;
      }
    }
  }
  return current;
}

const portPattern = /^(?:(tcp|udp)\s*)?(?:port\s*)?(?:number\s*)?#?(-?\d+)(?:\s*\/\s*(tcp|udp))?$/;

/** "22", "port 22", "22/udp", "udp 53", "tcp port 80"; number may be out of range (checked later). */
export function parsePortQuery(subject: string): { port: number; protocol?: Protocol } | undefined {
  const match = portPattern.exec(subject);
  if (match === null || match[2] === undefined) return undefined;
  const protocol = (match[1] ?? match[3]) as Protocol | undefined;
  const port = Number(match[2]);
  return protocol === undefined ? { port } : { port, protocol };
}

/** Words around a service name that carry no meaning for the lookup: "the ssh port" -> "ssh". */
export const withoutFiller = (subject: string): string =>
  subject.replace(/\b(?:ports?|protocol|service|server|number)\b/g, ' ').replace(/\s+/g, ' ').trim();

export function parseQuery(query: string): { full: string; subject: string; port?: { port: number; protocol?: Protocol } } {
  const full = topicKey(query);
  const subject = stripQuestion(full);
  const port = parsePortQuery(subject);
  return port === undefined ? { full, subject } : { full, subject, port };
}
