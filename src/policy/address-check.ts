// One address against the rules, in a fixed order: always-denied, denylist, directed broadcast,
// then allowlist. An IPv6 address that carries an IPv4 address (NAT64, 6to4, Teredo...) passes only
// when the carried address passes too, so no tunnel notation reaches what the IPv4 rules forbid.
import { alwaysDeniedReason } from './always-denied.js';
import { broadcastOf } from './cidr.js';
import type { IpAddress } from './ip-address.js';
import { canonicalIp, embeddedIPv4 } from './ip-address.js';
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

/** `nameAllowed`: the host name matched an allowlist name rule, so only the denials apply. */
export function checkAddress(lists: TargetLists, ip: IpAddress, nameAllowed: boolean): AddressVerdict {
  const carried = embeddedIPv4(ip);
  for (const candidate of [ip, ...carried]) {
    const denied = deniedWhy(lists, candidate);
    if (denied !== null) return { ok: false, code: 'target-denied', why: prefixed(ip, candidate, denied) };
  }
  if (nameAllowed) return allowed;
  for (const candidate of [ip, ...carried]) {
    if (!matchNetwork(lists.allow, candidate)) return { ok: false, code: 'target-not-allowed', why: prefixed(ip, candidate, notAllowedWhy(lists)) };
  }
  return allowed;
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
