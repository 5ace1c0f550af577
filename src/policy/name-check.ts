// Names -> addresses, exactly one lookup per name per request, and every address the lookup
// returned is checked: one forbidden address refuses the whole request. The scanner later gets
// the checked literal, never the name, so DNS rebinding has nothing to rebind. Messages name the
// target as the person typed it (not its punycode), and warn when its letters mix scripts.
import type { InputProblem, Refusal } from '../errors.js';
import { inputProblem, refusal } from '../errors.js';
import type { Result } from '../result.js';
import { err, ok } from '../result.js';
import type { ScanAddress } from '../scanner/types.js';
import type { NameAdmission, TargetLists } from './address-check.js';
import { checkAddress } from './address-check.js';
import { shown } from './display.js';
import { canonicalIp, parseIpLiteral } from './ip-address.js';
import { mixedScriptWarning } from './mixed-scripts.js';
import { ownAddresses } from './own-addresses.js';
import type { Resolver, ResolvedAddress } from './resolver.js';
import { matchesName } from './rules.js';
import type { NameTarget } from './target-plan.js';

export interface CheckedNames {
  /** The first address of each name, as the OS would connect to it (nmap scans that one too). */
  readonly scanned: readonly ScanAddress[];
  /** The other addresses: checked, not scanned. */
  readonly others: readonly ScanAddress[];
  /** One line per name whose letters mix scripts, for the answer. */
  readonly warnings: readonly string[];
}

type Lookup = { readonly ok: true; readonly addresses: readonly ResolvedAddress[] } | { readonly ok: false; readonly code: string };

export async function resolveAndCheck(lists: TargetLists, resolver: Resolver, names: readonly NameTarget[]): Promise<Result<CheckedNames, Refusal | InputProblem>> {
  const unique = [...new Set(names.map((target) => target.name))];
  const lookups = new Map(await Promise.all(unique.map(async (name) => [name, await lookupOnce(resolver, name)] as const)));
  const scanned: ScanAddress[] = [];
  const others: ScanAddress[] = [];
  const warnings = new Set<string>();
  let own: ReadonlySet<string> | undefined;
  for (const target of names) {
    const { name, raw } = target;
    const typed = shown(raw);
    const warning = mixedScriptWarning(raw, typed);
    const careful = warning === undefined ? '' : `; careful: ${warning}`;
    const found = lookups.get(name);
    if (found === undefined || !found.ok || found.addresses.length === 0) {
      const why = found === undefined || found.ok ? 'it has no addresses (check the spelling, or give the address)' : lookupWhy(found.code);
      return err(inputProblem('unresolvable-target', `could not resolve ${typed}: ${why}${careful}`));
    }
    const byName: NameAdmission | null = matchesName(lists.allow, name) ? { own: (own ??= ownAddresses()) } : null;
    const checked: ScanAddress[] = [];
    for (const { address } of found.addresses) {
      const ip = parseIpLiteral(address);
      if (ip === null) return err(refusal('target-denied', `${typed} resolved to "${shown(address)}", which is not an address portbot can check, so it will not scan it${careful}`, raw));
      const verdict = checkAddress(lists, ip, byName);
      if (!verdict.ok) return err(refusal(verdict.code, `${typed} resolves to ${canonicalIp(ip)}, which ${verdict.why}${careful}`, raw));
      const literal = canonicalIp(ip);
      if (!checked.some((seen) => seen.address === literal)) checked.push({ target: name, address: literal, family: ip.kind() === 'ipv4' ? 4 : 6 });
    }
    const [first, ...rest] = checked;
    if (first !== undefined && !scanned.some((seen) => seen.address === first.address)) scanned.push(first);
    others.push(...rest);
    if (warning !== undefined) warnings.add(warning);
  }
  return ok({ scanned, others, warnings: [...warnings] });
}

/** What getaddrinfo's error means to the person who typed the name. */
function lookupWhy(code: string): string {
  if (code === 'ENOTFOUND') return 'no such name (check the spelling, or give the address)';
  if (code === 'ENODATA') return 'it has no addresses (check the spelling, or give the address)';
  if (code === 'EAI_AGAIN' || code === 'ETIMEOUT' || code === 'ESERVFAIL' || code === 'ECONNREFUSED') return 'the name server did not answer (try again, or give the address)';
  return `the lookup failed (${code}); give the address instead`;
}

async function lookupOnce(resolver: Resolver, name: string): Promise<Lookup> {
  try {
    return { ok: true, addresses: await resolver.resolve(name) };
  } catch (error: unknown) {
    const code = (error as { code?: unknown } | null)?.code;
    return { ok: false, code: typeof code === 'string' ? code : 'no answer' };
  }
}
