// Answers list hosts in the order the person typed them. The plan checks literal addresses before
// it resolves names, so without this a `/scan localhost 127.0.0.2` would answer for 127.0.0.2 first.
import ipaddr from 'ipaddr.js';
import type { ScanAddress } from '../scanner/types.js';
import { canonicalIp } from './ip-address.js';
import type { ParsedTarget } from './target-parse.js';

function typedAs(target: ParsedTarget, address: ScanAddress): boolean {
  if (target.kind === 'name') return target.name === address.target;
  if (target.kind === 'address') return canonicalIp(target.ip) === address.address;
  const ip = ipaddr.parse(address.address);
  return ip.kind() === target.address.kind() && ip.match(target.address, target.prefix);
}

/** The addresses sorted by the first typed target each came from (stable), then without repeats. */
export function inTypedOrder(targets: readonly ParsedTarget[], addresses: readonly ScanAddress[]): ScanAddress[] {
  const rank = new Map(addresses.map((address) => [address, targets.findIndex((target) => typedAs(target, address))] as const));
  const sorted = [...addresses].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  const unique = new Map<string, ScanAddress>();
  for (const address of sorted) if (!unique.has(address.address)) unique.set(address.address, address);
  return [...unique.values()];
}
