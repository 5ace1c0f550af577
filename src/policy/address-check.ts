// One address against the rules, in a fixed order: always-denied, denylist, directed broadcast,
// then allowlist. An IPv6 address that carries an IPv4 address (NAT64, 6to4, Teredo...) passes only
// when the carried address passes too, so no tunnel notation reaches what the IPv4 rules forbid.
// A host-name rule admits what the name resolves to, except loopback, link-local and this
// machine's own addresses: whoever answers DNS for the name would otherwise choose those.
import { alwaysDeniedReason } from './always-denied.js';
import { broadcastOf } from './cidr.js';
import type { IpAddress } from './ip-address.js';
import { canonicalIp, embeddedIPv4 } from './ip-address.js';
import { localAddressKind } from './own-addresses.js';
import type { CompiledRules } from './rules.js';
import { matchNetwork } from './rules.js';

export interface TargetLists {
  readonly allow: CompiledRules;
  readonly deny: CompiledRules;
  /** The allowlist is the built-in loopback default (console/CLI with no PORTBOT_ALLOWLIST). */
  readonly loopbackDefault: boolean;
}

export type AddressVerdict =
  | { readonly ok: true }
  /** `why` continues a sentence about the address: "is a multicast address, which portbot never scans". */
  | { readonly ok: false; readonly code: 'target-denied' | 'target-not-allowed'; readonly why: string };

const allowed: AddressVerdict = { ok: true };

/** The host name matched an allowlist name rule; `own` holds this machine's addresses. */
export interface NameAdmission {
  readonly own: ReadonlySet<string>;
}

/**
 * `byName`: set when the host name matched an allowlist name rule. Then only the denials apply,
 * unless the address is local (loopback, link-local, this machine's): that needs an address rule.
 */
export function checkAddress(lists: TargetLists, ip: IpAddress, byName: NameAdmission | null): AddressVerdict {
  const candidates = [ip, ...embeddedIPv4(ip)];
  for (const candidate of candidates) {
    const denied = deniedWhy(lists, candidate);
    if (denied !== null) return { ok: false, code: 'target-denied', why: prefixed(ip, candidate, denied) };
  }
  const local = byName === null ? undefined : localWhy(ip, candidates, byName.own);
  if (byName !== null && local === undefined) return allowed;
  for (const candidate of candidates) {
    if (!matchNetwork(lists.allow, candidate)) {
      const why = local === undefined ? prefixed(ip, candidate, notAllowedWhy(lists)) : local;
      return { ok: false, code: 'target-not-allowed', why };
    }
  }
  return allowed;
}

function localWhy(ip: IpAddress, candidates: readonly IpAddress[], own: ReadonlySet<string>): string | undefined {
  for (const candidate of candidates) {
    const kind = localAddressKind(candidate, own);
    if (kind === null) continue;
    const why = `is ${kind}: a host-name rule never admits loopback, link-local or this machine's own addresses; only an address rule in PORTBOT_ALLOWLIST can`;
    return prefixed(ip, candidate, why);
  }
  return undefined;
}

function deniedWhy(lists: TargetLists, ip: IpAddress): string | null {
  const always = alwaysDeniedReason(ip);
  if (always !== null) return `is ${always}, which portbot never scans`;
  if (matchNetwork(lists.deny, ip)) return 'is on the denylist (PORTBOT_DENYLIST), so portbot will not scan it';
  const text = canonicalIp(ip);
  for (const { text: rule, range } of lists.allow.networks) {
    const broadcast = broadcastOf(range[0], range[1]);
    if (broadcast && canonicalIp(broadcast) === text) return `is the broadcast address of ${rule}, which portbot never scans`;
  }
  return null;
}

function notAllowedWhy(lists: TargetLists): string {
  return lists.loopbackDefault
    ? 'is not loopback: with no PORTBOT_ALLOWLIST set, only 127.0.0.0/8 and ::1 may be scanned; the operator can set PORTBOT_ALLOWLIST to allow more'
    : 'is not on the allowlist: ask the operator to add it to PORTBOT_ALLOWLIST';
}

const prefixed = (ip: IpAddress, candidate: IpAddress, why: string): string =>
  candidate === ip ? why : `carries the IPv4 address ${canonicalIp(candidate)}, and that address ${why}`;
