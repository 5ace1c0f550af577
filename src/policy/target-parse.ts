// What the user typed -> targets the policy can check: IP literals in canonical form, CIDR blocks
// and normalised host names. Nothing here resolves names; whatever cannot be read one way only is
// refused with a line that says what was wrong and what to write instead. A hint that echoes part
// of the text ("give the host alone (web-1)") echoes only a part that would itself be read.
import type { InputProblem } from '../errors.js';
import { inputProblem } from '../errors.js';
import type { Result } from '../result.js';
import { err, ok } from '../result.js';
import { codePointName, firstHiddenCharacter, shown } from './display.js';
import { foreignCharacter } from './host-text.js';
import { normaliseHostname } from './hostname.js';
import type { IpAddress } from './ip-address.js';
import { parseIPv4Literal, parseIPv6Literal } from './ip-address.js';

export type ParsedTarget =
  | { readonly kind: 'address'; readonly raw: string; readonly ip: IpAddress }
  | { readonly kind: 'block'; readonly raw: string; readonly address: IpAddress; readonly prefix: number }
  | { readonly kind: 'name'; readonly raw: string; readonly name: string };

const examples = 'e.g. web-1.example.com, 10.0.0.5, 10.0.0.0/28 or ::1';
const oneHost = ', e.g. web-1.example.com';
const invalid = (message: string): InputProblem => inputProblem('invalid-target', message);

/**
 * Splits on commas and whitespace (any Unicode White_Space; not on U+FEFF, which JavaScript's \s
 * counts as space but which is invisible and so refused) and parses every item; the first bad one wins.
 */
export function parseTargets(text: string): Result<ParsedTarget[], InputProblem> {
  const items = text.split(/[\p{White_Space},]+/u).filter((item) => item.length > 0);
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
  const hidden = firstHiddenCharacter(raw);
  if (hidden !== undefined) return invalid(`${quoted} contains ${codePointName(hidden)}, a control or invisible character: type the target again as plain text`);
  const problem = formProblem(raw, quoted);
  if (problem !== undefined) return invalid(problem);
  if (raw.includes('/')) return parseBlock(raw, quoted);

  const bracketed = /^\[([^\]]*)\]$/.exec(raw);
  if (bracketed) {
    const ip = parseIPv6Literal(bracketed[1] ?? '');
    return ip ? { kind: 'address', raw, ip } : invalid(`${quoted} is not an IPv6 address: ${examples}`);
  }
  if (raw.includes(':')) {
    const ip = parseIPv6Literal(raw);
    return ip ? { kind: 'address', raw, ip } : invalid(colonProblem(raw, quoted));
  }
  const ipv4 = parseIPv4Literal(raw);
  if (ipv4) return { kind: 'address', raw, ip: ipv4 };
  const name = normaliseHostname(raw);
  return name ? { kind: 'name', raw, name } : invalid(`${quoted} is not a host name, address or CIDR block: ${examples}`);
}

/** " (web-1)" when `candidate` is itself a target, else `fallback`. */
function hostHint(candidate: string, fallback = ''): string {
  return candidate.length > 0 && parseTarget(candidate).kind !== 'input' ? ` (${shown(candidate)})` : fallback;
}

/** Characters with a meaning in targets ("::1", "10.0.0.0/24", "[::1]"); '*' only to be refused. */
const structural = new Set([':', '/', '[', ']', '*']);

/** Forms that are not a target but look like one with something added: URL, user@, %, odd characters. */
function formProblem(raw: string, quoted: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) return `${quoted} is a URL: give the host alone${hostHint(urlHost(raw))} and the ports separately`;
  if (raw.includes('@')) return `${quoted} has a user name in it: give the host alone${hostHint(raw.slice(raw.lastIndexOf('@') + 1), oneHost)}`;
  if (raw.includes('%')) {
    return raw.includes(':')
      ? `${quoted} has a zone id: portbot scans addresses without one, so link-local addresses (fe80::/10) cannot be scanned`
      : `${quoted} has a '%' escape: type the host name as plain text`;
  }
  let before = '';
  for (const char of raw) {
    if (!structural.has(char) && foreignCharacter(char) !== undefined) {
      const name = /^[!-~]$/.test(char) ? `'${char}'` : codePointName(char);
      return `${quoted} has ${name} in it, which is not part of a host name or address: give the host alone${hostHint(before, oneHost)}, and separate several targets with commas`;
    }
    before += char;
  }
  if (raw.includes('*')) return `${quoted} is not a host name: a wildcard (*) cannot be scanned; name one host${oneHost}`;
  if (/[[\]]/.test(raw) && !/^\[[^[\]]*\]([:/].*)?$/.test(raw)) return `${quoted} has a bracket in the wrong place: brackets go only around an IPv6 address, e.g. [fd00::1]`;
  const port = /^(\[[^\]]*\]):\d*$/.exec(raw);
  if (port) return `${quoted} has a port in it: give the address alone${hostHint(port[1] ?? '')} and the ports separately`;
  if (raw.split('/').length > 2) return `${quoted} has more than one '/': a CIDR block is an address and one prefix length, e.g. 10.0.0.0/28`;
  return undefined;
}

const schemes = new Set(['http', 'https', 'ftp', 'ftps', 'sftp', 'ssh', 'telnet', 'ws', 'wss', 'tcp', 'udp', 'file', 'smb', 'rdp', 'ldap', 'ldaps', 'git', 'redis', 'postgres', 'mysql', 'vnc', 'mailto']);

/** A ':' outside an IPv6 address: a port, a scheme, or a broken IPv6 address, each told apart. */
function colonProblem(raw: string, quoted: string): string {
  const parts = raw.split(':');
  if (parts.length === 2) {
    const [host = '', after = ''] = parts;
    if (host === '' && /^\d+$/.test(after)) return `${quoted} is a port without a host: give the host first, then the ports, e.g. web-1 ${after}`;
    if (schemes.has(host.toLowerCase()) && !/^\d*$/.test(after)) return `${quoted} looks like a URL (${host}:): give the host alone${hostHint(after)} and the ports separately`;
    if (host !== '' && after === '') return `${quoted} has a ':' but no port after it: give the host alone${hostHint(host, oneHost)}`;
    if (host !== '' && /^[a-z0-9-]+$/i.test(after)) {
      const hint = hostHint(host);
      return `${quoted} has a port in it: give the host alone${hint} and the ports separately, e.g. ${hint === '' ? 'web-1' : shown(host)} ${after}`;
    }
  }
  if (parts.length > 2 && /^[0-9a-f:.]+$/i.test(raw)) return `${quoted} is not a valid IPv6 address: ${examples}`;
  return `${quoted} has ':' in it, which only IPv6 addresses have: give the host without a port or scheme, ${examples}`;
}

function parseBlock(raw: string, quoted: string): ParsedTarget | InputProblem {
  const slash = raw.indexOf('/');
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

function urlHost(raw: string): string {
  try {
    return new URL(raw).hostname;
  } catch {
    return '';
  }
}
