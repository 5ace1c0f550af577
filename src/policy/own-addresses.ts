// Addresses a host-name rule may never admit: DNS for an allowed name is not the operator's
// word that portbot may scan its own machine or the link it sits on. Only an address rule can.
import { networkInterfaces } from 'node:os';
import type { IpAddress } from './ip-address.js';
import { canonicalIp, parseIpLiteral } from './ip-address.js';

/** This machine's addresses right now (interfaces come and go: read per request, not at start). */
export function ownAddresses(): ReadonlySet<string> {
  const own = new Set<string>();
  for (const infos of Object.values(networkInterfaces())) {
    for (const info of infos ?? []) {
      const ip = parseIpLiteral(info.address);
      if (ip !== null) own.add(canonicalIp(ip));
    }
  }
  return own;
}

/** Why a name rule cannot admit `ip` ("a loopback address"), or null when it can. */
export function localAddressKind(ip: IpAddress, own: ReadonlySet<string>): string | null {
  const range = ip.range();
  if (range === 'loopback') return 'a loopback address';
  if (range === 'linkLocal') return 'a link-local address';
  if (range === 'unspecified') return 'an unspecified address';
  return own.has(canonicalIp(ip)) ? "one of this machine's own addresses" : null;
}
