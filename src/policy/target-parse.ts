// What the user typed -> targets the policy can check: IP literals in canonical form, CIDR blocks
// and normalised host names. Nothing here resolves names; whatever cannot be read one way only is
// refused with a line that says what to write instead.
import type { InputProblem } from '../errors.js';
import { inputProblem } from '../errors.js';
import type { Result } from '../result.js';
import { err, ok } from '../result.js';
import { shown } from './display.js';
import { normaliseHostname } from './hostname.js';
import type { IpAddress } from './ip-address.js';
import { parseIPv4Literal, parseIPv6Literal } from './ip-address.js';

export type ParsedTarget =
  | { readonly kind: 'address'; readonly raw: string; readonly ip: IpAddress }
  | { readonly kind: 'block'; readonly raw: string; readonly address: IpAddress; readonly prefix: number }
  | { readonly kind: 'name'; readonly raw: string; readonly name: string };

const examples = 'e.g. web-1.example.com, 10.0.0.5, 10.0.0.0/28 or ::1';
const invalid = (message: string): InputProblem => inputProblem('invalid-target', message);

/** Splits on commas and whitespace (any Unicode space) and parses every item; the first bad one wins. */
export function parseTargets(text: string): Result<ParsedTarget[], InputProblem> {
  const items = text.split(/[\s,]+/).filter((item) => item.length > 0);
  if (items.length === 0) return err(invalid(`no target given: name a host, an address or a CIDR block, ${examples}`));
  const targets: ParsedTarget[] = [];
  for (const item of items) {
    const target = parseTarget(item);
    if (target.kind === 'input') return err(target);
    targets.push(target);
  }
  return ok(targets);
}

export function parseTarget(raw: string): ParsedTarget | InputProblem {
  const quoted = `"${shown(raw)}"`;
  if (raw.length > 260) return invalid(`a target of ${raw.length} characters is too long: host names have at most 253`);
  if (/[\p{C}\p{Zl}\p{Zp}]/u.test(raw)) return invalid(`${quoted} contains control or invisible characters: type the target again as plain text`);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) return invalid(`${quoted} is a URL: give the host alone${urlHostHint(raw)} and the ports separately`);
  if (raw.includes('@')) return invalid(`${quoted} has a user name in it: give the host alone (${shown(raw.slice(raw.lastIndexOf('@') + 1))})`);
  if (raw.includes('%')) {
    return invalid(
      raw.includes(':')
        ? `${quoted} has a zone id: portbot scans addresses without one, so link-local addresses (fe80::/10) cannot be scanned`
        : `${quoted} has a '%' escape: type the host name as plain text`,
    );
  }
  if (raw.includes('/')) return parseBlock(raw, quoted);

  const bracketed = /^\[([^\]]*)\](:\d*)?$/.exec(raw);
  if (bracketed) {
    if (bracketed[2] !== undefined) return invalid(`${quoted} has a port in it: give the address alone and the ports separately`);
    const ip = parseIPv6Literal(bracketed[1] ?? '');
    return ip ? { kind: 'address', raw, ip } : invalid(`${quoted} is not an IPv6 address: ${examples}`);
  }
  if (raw.includes(':')) {
    const ip = parseIPv6Literal(raw);
    if (ip) return { kind: 'address', raw, ip };
    if (/^[^:]+:\d+$/.test(raw)) return invalid(`${quoted} has a port in it: give the host alone and the ports separately`);
    return invalid(`${quoted} is not a valid IPv6 address: ${examples}`);
  }
  const ipv4 = parseIPv4Literal(raw);
  if (ipv4) return { kind: 'address', raw, ip: ipv4 };
  const name = normaliseHostname(raw);
  return name ? { kind: 'name', raw, name } : invalid(`${quoted} is not a host name, address or CIDR block: ${examples}`);
}

function parseBlock(raw: string, quoted: string): ParsedTarget | InputProblem {
  const slash = raw.lastIndexOf('/');
  const addressText = raw.slice(0, slash);
  const prefixText = raw.slice(slash + 1);
  const bad = invalid(`${quoted} is not a CIDR block: write an address and a prefix length, e.g. 10.0.0.0/28 or fd00::/124`);
  if (!/^\d{1,3}$/.test(prefixText)) return bad;
  const bracketed = /^\[(.*)\]$/.exec(addressText);
  const inner = bracketed ? (bracketed[1] ?? '') : addressText;
  const written = inner.includes(':') ? parseIPv6Literal(inner) : parseIPv4Literal(inner);
  if (!written) return bad;
  let prefix = Number(prefixText);
  // `::ffff:10.0.0.0/120` was read as IPv4 above; its prefix counts the 96 mapped bits too.
  if (inner.includes(':') && written.kind() === 'ipv4') prefix -= 96;
  if (prefix < 0 || prefix > (written.kind() === 'ipv4' ? 32 : 128)) return bad;
  return { kind: 'block', raw, address: written, prefix };
}

function urlHostHint(raw: string): string {
  try {
    const host = new URL(raw).hostname;
    return host.length > 0 ? ` (${shown(host)})` : '';
  } catch {
    return '';
  }
}
