// Everything about the targets that needs no DNS: size limits, expanding CIDR blocks, and checking
// every literal address and every name against the denylist. Runs before any slot or token is
// taken, so a typo or a forbidden literal costs the user nothing.
import type { Refusal } from '../errors.js';
import { refusal } from '../errors.js';
import type { Result } from '../result.js';
import { err, ok } from '../result.js';
import type { ScanAddress } from '../scanner/types.js';
import type { TargetLists } from './address-check.js';
import { checkAddress } from './address-check.js';
import { expandBlock, hostCount } from './cidr.js';
import { shown } from './display.js';
import type { IpAddress } from './ip-address.js';
import { canonicalIp } from './ip-address.js';
import { matchesName } from './rules.js';
import type { ParsedTarget } from './target-parse.js';

export type NameTarget = Extract<ParsedTarget, { kind: 'name' }>;

export interface TargetPlan {
  /** Checked literal addresses (from addresses and blocks), in the order given, without repeats. */
  readonly addresses: readonly ScanAddress[];
  /** Names still to resolve; their addresses are checked after the one lookup. */
  readonly names: readonly NameTarget[];
}

const limitHint = (max: number): string => `a scan may cover at most ${max.toLocaleString('en-US')} addresses (PORTBOT_MAX_ADDRESSES_PER_SCAN)`;

/** The size limits alone (no list is read): what the bot checks of targets a zone's agent scans. */
export function checkAddressCount(targets: readonly ParsedTarget[], maxAddresses: number): Result<void, Refusal> {
  let total = 0n;
  for (const target of targets) {
    const count = target.kind === 'block' ? hostCount(target.address, target.prefix) : 1n;
    if (count > BigInt(maxAddresses)) {
      return err(refusal('too-many-addresses', `${shown(target.raw)} covers ${count.toLocaleString('en-US')} addresses; ${limitHint(maxAddresses)}: scan a smaller block`, target.raw));
    }
    total += count;
  }
  if (total > BigInt(maxAddresses)) {
    return err(refusal('too-many-addresses', `these targets cover ${total.toLocaleString('en-US')} addresses; ${limitHint(maxAddresses)}: split the scan`));
  }
  return ok(undefined);
}

export function planTargets(lists: TargetLists, targets: readonly ParsedTarget[], maxAddresses: number): Result<TargetPlan, Refusal> {
  const sized = checkAddressCount(targets, maxAddresses);
  if (!sized.ok) return sized;
  const addresses = new Map<string, ScanAddress>();
  const names: NameTarget[] = [];
  for (const target of targets) {
    if (target.kind === 'name') {
      if (matchesName(lists.deny, target.name)) {
        return err(refusal('target-denied', `${shown(target.raw)} is on the denylist (PORTBOT_DENYLIST), so portbot will not scan it`, target.raw));
      }
      names.push(target);
      continue;
    }
    const ips = target.kind === 'block' ? expandBlock(target.address, target.prefix) : [target.ip];
    for (const ip of ips) {
      const verdict = checkAddress(lists, ip, null);
      if (!verdict.ok) return err(refusal(verdict.code, `${subject(target, ip)} ${verdict.why}`, target.raw));
      const address = canonicalIp(ip);
      if (!addresses.has(address)) addresses.set(address, { target: address, address, family: ip.kind() === 'ipv4' ? 4 : 6 });
    }
  }
  return ok({ addresses: [...addresses.values()], names });
}

function subject(target: ParsedTarget, ip: IpAddress): string {
  const address = canonicalIp(ip);
  if (target.kind === 'block') return `${shown(target.raw)} contains ${address}, which`;
  return target.raw === address ? address : `"${shown(target.raw)}" (${address})`;
}
