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
import { createTokenBuckets } from './rate-limit.js';
import type { Resolver } from './resolver.js';
import { systemResolver } from './resolver.js';
import { compileRules, loopbackRules } from './rules.js';
import { planTargets } from './target-plan.js';
import { parseTargets } from './target-parse.js';
import { inTypedOrder } from './typed-order.js';
import type { Requester, ScanGrant, ScanPolicy } from './types.js';
import { createUserSlots } from './user-slots.js';

export interface ScanPolicyOptions {
  /** The console and CLI with no allowlist configured may scan loopback only; chat platforms may not scan. */
  readonly loopbackWhenUnconfigured: boolean;
  /** Names -> addresses; default: the OS resolver. Tests pass a fake to play DNS tricks. */
  readonly resolver?: Resolver;
  /** Drives the per-user token buckets; default: a monotonic clock. */
  readonly clock?: Clock;
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
  const buckets = createTokenBuckets(config.PORTBOT_SCANS_PER_MINUTE, options.clock ?? monotonicClock);
  const slots = createUserSlots(config.PORTBOT_CONCURRENT_SCANS_PER_USER);
  const resolver = options.resolver ?? systemResolver;

  async function authoriseScan(requester: Requester, targets: string, ports: readonly PortProbe[]): Promise<Result<ScanGrant, Refusal | InputProblem>> {
    if (lists.allow.empty) {
      return err(refusal('no-allowlist', 'scanning is switched off: the operator must set PORTBOT_ALLOWLIST (CIDR blocks, addresses or host names) to allow targets'));
    }
    const unauthorised = authorise(requester);
    if (unauthorised) return err(unauthorised);
    if (ports.length === 0) return err(inputProblem('invalid-ports', 'no ports to scan: give ports such as 22,80,443 or 1-1024'));
    const maxPorts = config.PORTBOT_MAX_PORTS_PER_SCAN;
    if (ports.length > maxPorts) {
      return err(refusal('too-many-ports', `this scan asks for ${ports.length.toLocaleString('en-US')} ports; a scan may probe at most ${maxPorts.toLocaleString('en-US')} (PORTBOT_MAX_PORTS_PER_SCAN): scan fewer ports`));
    }
    const parsed = parseTargets(targets);
    if (!parsed.ok) return parsed;
    const plan = planTargets(lists, parsed.value, config.PORTBOT_MAX_ADDRESSES_PER_SCAN);
    if (!plan.ok) return plan;

    const key = userKey(requester);
    if (!slots.tryTake(key)) {
      const limit = config.PORTBOT_CONCURRENT_SCANS_PER_USER;
      return err(refusal('too-many-scans', `you already have ${limit} scan${limit === 1 ? '' : 's'} running (PORTBOT_CONCURRENT_SCANS_PER_USER): wait for one to finish or cancel it`));
    }
    // The per-minute limit keeps one person from flooding a shared channel; the console and the
    // CLI run as the operator, who sets the limits, so they are not metered.
    const token = requester.platform === 'console' || requester.platform === 'cli' ? { ok: true as const } : buckets.take(key);
    if (!token.ok) {
      slots.give(key);
      const seconds = Math.max(1, Math.ceil(token.retryAfterMs / 1000));
      return err(refusal('rate-limited', `you have started ${config.PORTBOT_SCANS_PER_MINUTE} scans in the last minute (PORTBOT_SCANS_PER_MINUTE): try again in ${seconds} s`));
    }
    const named = await resolveAndCheck(lists, resolver, plan.value.names);
    if (!named.ok) {
      slots.give(key);
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
        slots.give(key);
      },
    };
    return ok(grant);
  }

  return { authoriseScan };
}
