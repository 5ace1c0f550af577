// Addresses no allowlist can open up: nothing answers a scan there, or what answers hands out cloud
// credentials. Checked first, on every address and on every IPv4 address embedded in an IPv6 one.
import ipaddr from 'ipaddr.js';
import type { IpAddress } from './ip-address.js';

const metadata = 'a cloud metadata address';

const ranges: ReadonlyArray<readonly [string, string]> = [
  ['0.0.0.0/8', 'an unspecified ("this network") address'],
  ['::/128', 'the unspecified address'],
  ['255.255.255.255/32', 'the broadcast address'],
  ['224.0.0.0/4', 'a multicast address'],
  ['ff00::/8', 'a multicast address'],
  // AWS, GCP, Azure, OpenStack and Oracle instance metadata all live here.
  ['169.254.169.254/32', metadata],
  // AWS ECS task credentials and EKS Pod Identity agents.
  ['169.254.170.2/32', metadata],
  ['169.254.170.23/32', metadata],
  // AWS instance metadata and EKS Pod Identity over IPv6.
  ['fd00:ec2::254/128', metadata],
  ['fd00:ec2::23/128', metadata],
  // Alibaba Cloud.
  ['100.100.100.200/32', metadata],
];

const compiled = ranges.map(([cidr, why]) => ({ range: ipaddr.parseCIDR(cidr), why }));

/** Why `ip` is never scanned, or null when it may be (subject to the lists). */
export function alwaysDeniedReason(ip: IpAddress): string | null {
  for (const { range, why } of compiled) {
    if (range[0].kind() === ip.kind() && ip.match(range)) return why;
  }
  return null;
}
