// PORTBOT_ALLOWLIST / PORTBOT_DENYLIST compiled once at start (after hono's ip-restriction): a rule
// that cannot be read stops startup, naming the rule and the variable, instead of silently
// allowing or denying something else. Rules are written strictly (four-part decimal IPv4).
import { PortbotError } from '../errors.js';
import { codePointName, firstHiddenCharacter, shown } from './display.js';
import { foreignCharacter } from './host-text.js';
import { normaliseHostname } from './hostname.js';
import type { IpAddress } from './ip-address.js';
import { parseIPv6Literal, parseStrictIPv4 } from './ip-address.js';

export interface NetworkRule {
  readonly text: string;
  readonly range: readonly [IpAddress, number];
}

export interface CompiledRules {
  readonly networks: readonly NetworkRule[];
  /** Exact normalised host names. */
  readonly names: ReadonlySet<string>;
  /** `*.example.com` kept as `.example.com`: matches any name below it, not example.com itself. */
  readonly suffixes: readonly string[];
  readonly empty: boolean;
}

export function compileRules(variable: string, entries: readonly string[]): CompiledRules {
  const networks: NetworkRule[] = [];
  const names = new Set<string>();
  const suffixes: string[] = [];
  for (const text of entries) {
    const network = parseNetwork(text);
    if (network) {
      networks.push({ text, range: network });
      continue;
    }
    const wildcard = text.startsWith('*.');
    const name = normaliseHostname(wildcard ? text.slice(2) : text);
    if (name === null) {
      const odd = firstHiddenCharacter(text) ?? foreignCharacter(text.replace(/^\*\./, '').replace(/[:/]/g, ''));
      const has = odd === undefined ? '' : ` (it has ${/^[!-~]$/.test(odd) ? `'${odd}'` : codePointName(odd)} in it)`;
      throw new PortbotError(
        'invalid-config',
        `${variable}: "${shown(text)}" is not a CIDR block, an address, a host name or a *.domain wildcard${has} ` +
          `(write IPv4 as four decimal numbers, e.g. 10.0.0.0/24, fd00::/64, web-1.example.com, *.lab.example.com)`,
      );
    }
    if (wildcard) suffixes.push(`.${name}`);
    else names.add(name);
  }
  return { networks, names, suffixes, empty: entries.length === 0 };
}

function parseNetwork(text: string): readonly [IpAddress, number] | null {
  const [addressText = '', prefixText, ...rest] = text.split('/');
  if (rest.length > 0) return null;
  const address = addressText.includes(':') ? parseIPv6Literal(addressText) : parseStrictIPv4(addressText);
  if (!address) return null;
  const bits = address.kind() === 'ipv4' ? 32 : 128;
  if (prefixText === undefined) return [address, bits];
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  // An IPv4-mapped rule (`::ffff:10.0.0.0/104`) was read as IPv4: drop the 96 mapped bits.
  const prefix = Number(prefixText) - (addressText.includes(':') && bits === 32 ? 96 : 0);
  return prefix >= 0 && prefix <= bits ? [address, prefix] : null;
}

export function matchNetwork(rules: CompiledRules, ip: IpAddress): NetworkRule | undefined {
  return rules.networks.find(({ range }) => range[0].kind() === ip.kind() && ip.match(range[0], range[1]));
}

export function matchesName(rules: CompiledRules, name: string): boolean {
  return rules.names.has(name) || rules.suffixes.some((suffix) => name.endsWith(suffix));
}

/** What the console and CLI may scan when the operator configured no allowlist. */
export const loopbackRules = (): CompiledRules => compileRules('built-in loopback default', ['127.0.0.0/8', '::1']);

