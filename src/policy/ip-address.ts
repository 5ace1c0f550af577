// IP literals as the operating system would read them, in one canonical form. Every check and the
// scanner itself use the canonical address, so two spellings of one address can never be judged
// differently.
import ipaddr from 'ipaddr.js';
import { isIPv4 } from 'node:net';
import { hostToASCII } from './host-text.js';

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

/** Dotted quad for IPv4, RFC 5952 (lowercase, shortest) for IPv6: what the scanner gets and messages show. */
export function canonicalIp(ip: IpAddress): string {
  return ip.kind() === 'ipv4' ? ip.toString() : (ip as ipaddr.IPv6).toRFC5952String();
}

/**
 * IPv4 in any notation inet_aton accepts (`127.1`, `0x7f000001`, `2130706433`, `0177.0.0.1`), read
 * by the WHATWG host parser (node:url), which implements exactly those rules; fullwidth digits and
 * ideographic dots are folded first, as a browser would. Null when it is not an IPv4 literal.
 */
export function parseIPv4Literal(text: string): ipaddr.IPv4 | null {
  const ascii = hostToASCII(text);
  return ascii !== null && isIPv4(ascii) ? ipaddr.IPv4.parse(ascii) : null;
}

/** Four decimal numbers only: the strict form required in configuration, where ambiguity is a mistake. */
export function parseStrictIPv4(text: string): ipaddr.IPv4 | null {
  return isIPv4(text) && ipaddr.IPv4.isValidFourPartDecimal(text) ? ipaddr.IPv4.parse(text) : null;
}

/**
 * IPv6 without brackets or zone id. Canonicalised by the WHATWG parser before ipaddr.js sees it,
 * because ipaddr.js 2.5 misreads the IPv4-compatible form `::127.0.0.1` as IPv4-mapped. An
 * IPv4-mapped address (`::ffff:127.0.0.1`) is returned as the IPv4 address: the kernel connects
 * to exactly that IPv4 address, so it must be judged as one.
 */
export function parseIPv6Literal(text: string): IpAddress | null {
  if (!/^[0-9a-f:.]+$/i.test(text) || !text.includes(':')) return null;
  let hostname: string;
  try {
    hostname = new URL(`http://[${text}]/`).hostname;
  } catch {
    return null;
  }
  const ip = ipaddr.IPv6.parse(hostname.slice(1, -1));
  return ip.isIPv4MappedAddress() ? ip.toIPv4Address() : ip;
}

/** Any literal the resolver may hand back (or a user may type): IPv6 first, then every IPv4 form. */
export function parseIpLiteral(text: string): IpAddress | null {
  return text.includes(':') ? parseIPv6Literal(text) : parseIPv4Literal(text);
}

const ipv4From = (high: number, low: number): ipaddr.IPv4 =>
  new ipaddr.IPv4([(high >> 8) & 0xff, high & 0xff, (low >> 8) & 0xff, low & 0xff]);

const nat64LocalUse = ipaddr.parseCIDR('64:ff9b:1::/48');

/**
 * IPv4 addresses carried inside an IPv6 address that a translator or tunnel may deliver to: NAT64
 * (64:ff9b::/96 and the local-use 64:ff9b:1::/48), SIIT (::ffff:0:0:0/96), 6to4 (2002::/16),
 * Teredo (2001::/32: server, and the client XOR 0xffff) and the deprecated IPv4-compatible ::/96.
 * Each must pass the same checks as the IPv6 address itself.
 */
export function embeddedIPv4(ip: IpAddress): ipaddr.IPv4[] {
  if (ip.kind() !== 'ipv6') return [];
  const parts = (ip as ipaddr.IPv6).parts;
  const at = (index: number): number => parts[index] ?? 0;
  const range = ip.range();
  if (range === 'rfc6052' || range === 'rfc6145' || ip.match(nat64LocalUse)) return [ipv4From(at(6), at(7))];
  if (range === '6to4') return [ipv4From(at(1), at(2))];
  if (range === 'teredo') return [ipv4From(at(2), at(3)), ipv4From(~at(6), ~at(7))];
  const compatible = parts.slice(0, 6).every((part) => part === 0);
  if (compatible && !(at(6) === 0 && at(7) <= 1)) return [ipv4From(at(6), at(7))];
  return [];
}
