// CIDR blocks as lists of host addresses, with 128-bit arithmetic (BigInt) so IPv6 blocks work the
// same way as IPv4. Sizes are computed before anything is expanded: a /8 is refused, never listed.
import ipaddr from 'ipaddr.js';
import type { IpAddress } from './ip-address.js';

const bitsOf = (ip: IpAddress): number => (ip.kind() === 'ipv4' ? 32 : 128);

function toBigInt(ip: IpAddress): bigint {
  return ip.toByteArray().reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
}

function fromBigInt(value: bigint, bits: number): IpAddress {
  const bytes: number[] = [];
  for (let shift = bits - 8; shift >= 0; shift -= 8) bytes.push(Number((value >> BigInt(shift)) & 0xffn));
  return ipaddr.fromByteArray(bytes);
}

/**
 * IPv4 blocks larger than /31 lose their network and broadcast addresses, as "the hosts of
 * 10.0.0.0/24" means to people (and a connect to a broadcast address is refused anyway).
 */
const dropsEnds = (ip: IpAddress, prefix: number): boolean => ip.kind() === 'ipv4' && prefix <= 30;

/** How many addresses `expandBlock` would return. */
export function hostCount(ip: IpAddress, prefix: number): bigint {
  const size = 1n << BigInt(bitsOf(ip) - prefix);
  return dropsEnds(ip, prefix) ? size - 2n : size;
}

/** The host addresses of the block that contains `ip`; call only after checking `hostCount`. */
export function expandBlock(ip: IpAddress, prefix: number): IpAddress[] {
  const bits = bitsOf(ip);
  const size = 1n << BigInt(bits - prefix);
  const first = (toBigInt(ip) >> BigInt(bits - prefix)) << BigInt(bits - prefix);
  const skip = dropsEnds(ip, prefix) ? 1n : 0n;
  const hosts: IpAddress[] = [];
  for (let offset = skip; offset < size - skip; offset += 1n) hosts.push(fromBigInt(first + offset, bits));
  return hosts;
}

/** The directed broadcast address of an IPv4 block that has one (prefix <= 30). */
export function broadcastOf(ip: IpAddress, prefix: number): IpAddress | null {
  if (!dropsEnds(ip, prefix)) return null;
  const hostBits = BigInt(32 - prefix);
  return fromBigInt(((toBigInt(ip) >> hostBits) << hostBits) | ((1n << hostBits) - 1n), 32);
}
