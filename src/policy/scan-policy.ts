// The order of the checks is the point: global switch, who is asking, how big, what the targets
// are (no DNS yet), then the per-user slot and token, and only then the one DNS lookup and the
// checks of what it returned. Every refusal is a value with a line that says what to do.
import type { Config } from '../config.js';
import type { InputProblem, Refusal } from '../errors.js';
import { inputProblem, refusal } from '../errors.js';
import type { Result } from '../result.js';
import { err, ok } from '../result.js';
import type { PortProbe } from '../scanner/types.js';
import type { TargetLists } from './address-check.js';
import { createAuthoriser } from './authorisation.js';
import type { Clock } from './clock.js';
import { monotonicClock } from './clock.js';
import { resolveAndCheck } from './name-check.js';
import { createMemoryLimiter, type ScanLimiter } from './limiter.js';
import type { Resolver } from './resolver.js';
import { systemResolver } from './resolver.js';
import { compileRules, loopbackRules } from './rules.js';
import { checkAddressCount, planTargets } from './target-plan.js';
import { parseTargets } from './target-parse.js';
import { inTypedOrder } from './typed-order.js';
import type { Requester, ScanGrant, ScanPolicy } from './types.js';

export interface ScanPolicyOptions {
  /** The console and CLI with no allowlist configured may scan loopback only; chat platforms may not scan. */
  readonly loopbackWhenUnconfigured: boolean;
  /** Names -> addresses; default: the OS resolver. Tests pass a fake to play DNS tricks. */
  readonly resolver?: Resolver;
  /** Drives the per-user token buckets; default: a monotonic clock. */
  readonly clock?: Clock;
  /** Where the per-user slots and rate live; default: this process's memory. */
  readonly limiter?: ScanLimiter;
}

const userKey = (requester: Requester): string => [requester.platform, requester.workspaceId ?? '', requester.userId].join('\u0000');

function compileLists(config: Config, loopbackWhenUnconfigured: boolean): TargetLists {
  const loopbackDefault = loopbackWhenUnconfigured && config.PORTBOT_ALLOWLIST.length === 0;
  return {
    allow: loopbackDefault ? loopbackRules() : compileRules('PORTBOT_ALLOWLIST', config.PORTBOT_ALLOWLIST),
    deny: compileRules('PORTBOT_DENYLIST', config.PORTBOT_DENYLIST),
    loopbackDefault,
  };
}

/**
 * Reads PORTBOT_ALLOWLIST and PORTBOT_DENYLIST as a policy would, so a front end can refuse a bad
 * rule at start, whichever command it runs. Throws the PortbotError createScanPolicy would.
 */
export function validateTargetRules(config: Config): void {
  compileLists(config, false);
}

/**
 * Compiles the allow/deny rules once and returns the policy. Throws a PortbotError
 * ('invalid-config') naming the variable and the rule when a rule cannot be read.
 */
export function createScanPolicy(config: Config, options: ScanPolicyOptions): ScanPolicy {
  const lists = compileLists(config, options.loopbackWhenUnconfigured);
  const authorise = createAuthoriser(config);
  const limiter = options.limiter ?? createMemoryLimiter({ perUser: config.PORTBOT_CONCURRENT_SCANS_PER_USER, perMinute: config.PORTBOT_SCANS_PER_MINUTE }, options.clock ?? monotonicClock);
  const resolver = options.resolver ?? systemResolver;

  /** Who may scan and how many ports: the checks every scan passes, here or in a zone. */
  function admit(requester: Requester, ports: readonly PortProbe[]): Refusal | InputProblem | null {
    const unauthorised = authorise(requester);
    if (unauthorised) return unauthorised;
    if (ports.length === 0) return inputProblem('invalid-ports', 'no ports to scan: give ports such as 22,80,443 or 1-1024');
    const maxPorts = config.PORTBOT_MAX_PORTS_PER_SCAN;
    if (ports.length > maxPorts) {
      return refusal('too-many-ports', `this scan asks for ${ports.length.toLocaleString('en-US')} ports; a scan may probe at most ${maxPorts.toLocaleString('en-US')} (PORTBOT_MAX_PORTS_PER_SCAN): scan fewer ports`);
    }
    return null;
  }

  /** The requester's slot and (chat users only) a rate token; `release` gives the slot back. */
  async function takeLimits(requester: Requester): Promise<Result<() => void, Refusal>> {
    // The per-minute limit keeps one person from flooding a shared channel; the console and the
    // CLI run as the operator, who sets the limits, so they are not metered.
    const decision = await limiter.acquire(userKey(requester), requester.platform !== 'console' && requester.platform !== 'cli');
    if (decision.ok) return ok(() => decision.release());
    if (decision.why === 'slots') {
      const limit = config.PORTBOT_CONCURRENT_SCANS_PER_USER;
      return err(refusal('too-many-scans', `you already have ${limit} scan${limit === 1 ? '' : 's'} running (PORTBOT_CONCURRENT_SCANS_PER_USER): wait for one to finish or cancel it`));
    }
    const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    return err(refusal('rate-limited', `you have started ${config.PORTBOT_SCANS_PER_MINUTE} scans in the last minute (PORTBOT_SCANS_PER_MINUTE): try again in ${seconds} s`));
  }

  async function authoriseScan(requester: Requester, targets: string, ports: readonly PortProbe[]): Promise<Result<ScanGrant, Refusal | InputProblem>> {
    if (lists.allow.empty) {
      return err(refusal('no-allowlist', 'scanning is switched off: the operator must set PORTBOT_ALLOWLIST (CIDR blocks, addresses or host names) to allow targets'));
    }
    const refused = admit(requester, ports);
    if (refused !== null) return err(refused);
    const parsed = parseTargets(targets);
    if (!parsed.ok) return parsed;
    const plan = planTargets(lists, parsed.value, config.PORTBOT_MAX_ADDRESSES_PER_SCAN);
    if (!plan.ok) return plan;

    const limits = await takeLimits(requester);
    if (!limits.ok) return limits;
    const giveBack = limits.value;
    const named = await resolveAndCheck(lists, resolver, plan.value.names);
    if (!named.ok) {
      giveBack();
      return named;
    }

    const addresses = inTypedOrder(parsed.value, [...plan.value.addresses, ...named.value.scanned]);
    const scannedAnyway = new Set(addresses.map(({ address }) => address));
    let released = false;
    const grant: ScanGrant = {
      addresses,
      otherAddresses: named.value.others.filter(({ address }) => !scannedAnyway.has(address)),
      ...(named.value.warnings.length > 0 ? { warnings: named.value.warnings } : {}),
      release() {
        if (released) return;
        released = true;
        giveBack();
      },
    };
    return ok(grant);
  }

  /**
   * For targets a zone's agents scan: who may scan, how many ports and addresses, the slot and the
   * rate, decided here as for any scan; the grant has no addresses, since the agent resolves the
   * names in its network and checks every address against its own lists before a packet.
   */
  async function authoriseZoneScan(requester: Requester, targets: string, ports: readonly PortProbe[]): Promise<Result<ScanGrant, Refusal | InputProblem>> {
    const refused = admit(requester, ports);
    if (refused !== null) return err(refused);
    const parsed = parseTargets(targets);
    if (!parsed.ok) return parsed;
    const sized = checkAddressCount(parsed.value, config.PORTBOT_MAX_ADDRESSES_PER_SCAN);
    if (!sized.ok) return sized;
    const limits = await takeLimits(requester);
    if (!limits.ok) return limits;
    return ok({ addresses: [], release: limits.value });
  }

  return { authoriseScan, authoriseZoneScan, close: async () => limiter.close?.() };
}
