// Names -> addresses, exactly one lookup per name per request, and every address the lookup
// returned is checked: one forbidden address refuses the whole request. The scanner later gets
// the checked literal, never the name, so DNS rebinding has nothing to rebind.
import type { Refusal } from '../errors.js';
import { refusal } from '../errors.js';
import type { Result } from '../result.js';
import { err, ok } from '../result.js';
import type { ScanAddress } from '../scanner/types.js';
import type { TargetLists } from './address-check.js';
import { checkAddress } from './address-check.js';
import { shown } from './display.js';
import { canonicalIp, parseIpLiteral } from './ip-address.js';
import type { Resolver, ResolvedAddress } from './resolver.js';
import { matchesName } from './rules.js';
import type { NameTarget } from './target-plan.js';

export interface CheckedNames {
  /** The first address of each name, as the OS would connect to it (nmap scans that one too). */
  readonly scanned: readonly ScanAddress[];
  /** The other addresses: checked, not scanned. */
  readonly others: readonly ScanAddress[];
}

type Lookup = { readonly ok: true; readonly addresses: readonly ResolvedAddress[] } | { readonly ok: false; readonly code: string };

export async function resolveAndCheck(lists: TargetLists, resolver: Resolver, names: readonly NameTarget[]): Promise<Result<CheckedNames, Refusal>> {
  const unique = [...new Set(names.map((target) => target.name))];
  const lookups = new Map(await Promise.all(unique.map(async (name) => [name, await lookupOnce(resolver, name)] as const)));
  const scanned: ScanAddress[] = [];
  const others: ScanAddress[] = [];
  for (const target of names) {
    const { name, raw } = target;
    const found = lookups.get(name);
    if (found === undefined || !found.ok) {
      return err(refusal('target-unresolvable', `could not resolve ${name} (${found?.code ?? 'no answer'}): check the spelling, or give the address`, raw));
    }
    if (found.addresses.length === 0) return err(refusal('target-unresolvable', `${name} has no addresses: check the spelling, or give the address`, raw));
    const nameAllowed = matchesName(lists.allow, name);
    const checked: ScanAddress[] = [];
    for (const { address } of found.addresses) {
      const ip = parseIpLiteral(address);
      if (ip === null) return err(refusal('target-unresolvable', `${name} resolved to "${shown(address)}", which is not an address portbot can check`, raw));
      const verdict = checkAddress(lists, ip, nameAllowed);
      if (!verdict.ok) return err(refusal(verdict.code, `${name} resolves to ${canonicalIp(ip)}, which ${verdict.why}`, raw));
      const literal = canonicalIp(ip);
      if (!checked.some((seen) => seen.address === literal)) checked.push({ target: name, address: literal, family: ip.kind() === 'ipv4' ? 4 : 6 });
    }
    const [first, ...rest] = checked;
    if (first !== undefined && !scanned.some((seen) => seen.address === first.address)) scanned.push(first);
    others.push(...rest);
  }
  return ok({ scanned, others });
}

async function lookupOnce(resolver: Resolver, name: string): Promise<Lookup> {
  try {
    return { ok: true, addresses: await resolver.resolve(name) };
  } catch (error: unknown) {
    const code = (error as { code?: unknown } | null)?.code;
    return { ok: false, code: typeof code === 'string' ? code : 'lookup failed' };
  }
}
