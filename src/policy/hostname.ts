// Host names in the one form DNS and the rules compare: ASCII (IDN -> punycode), lowercase, no
// trailing dot. Anything a resolver might read differently from how we read it is refused.
import { isIPv4 } from 'node:net';
import { hostToASCII } from './host-text.js';

const label = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

/** The normalised name, or null when `text` is not a host name (it may still be an IP literal). */
export function normaliseHostname(text: string): string | null {
  // The WHATWG host parser does IDN (UTS #46) mapping, lowercasing and punycode, and refuses
  // names whose last label is a number it cannot read as IPv4 (`foo.123`, `1.2.3.4.5`).
  let ascii = hostToASCII(text);
  if (ascii === null) return null;
  if (ascii.endsWith('.')) ascii = ascii.slice(0, -1);
  // An IPv4 literal in any spelling is an address, never a name.
  if (ascii.length === 0 || ascii.length > 253 || isIPv4(ascii)) return null;
  return ascii.split('.').every((part) => label.test(part)) ? ascii : null;
}
