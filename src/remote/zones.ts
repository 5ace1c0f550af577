// PORTBOT_ZONES, e.g. `dmz=10.1.0.0/16,*.dmz.example.com;office=192.168.10.0/24`: which targets a
// zone's agents scan. Each zone's rules are read by the allowlist's own compiler (policy/rules.ts),
// so a zone rule means what the same text means in PORTBOT_ALLOWLIST. Routing is by the target as
// typed, without DNS: a name under a zone is resolved by the agent, in its own network.
import { inputProblem, PortbotError, type InputProblem } from '../errors.js';
import { shown } from '../policy/display.js';
import type { IpAddress } from '../policy/ip-address.js';
import { compileRules, matchesName, matchNetwork, type CompiledRules } from '../policy/rules.js';
import { parseTarget } from '../policy/target-parse.js';
import { err, ok, type Result } from '../result.js';
import { ZONE_NAME, ZONE_NAME_HINT } from './queue-keys.js';

export interface Zone {
  readonly name: string;
  readonly rules: CompiledRules;
}

export interface ZoneRouter {
  /** Zones in the order PORTBOT_ZONES lists them. */
  readonly zones: readonly Zone[];
  /**
   * The zone whose agents scan `target` (one target as typed: a name, an address or a CIDR block),
   * or null when it is scanned here. The first zone that matches wins. A block that only partly
   * lies in a zone is an input problem: half of it would go to the wrong network.
   */
  zoneFor(target: string): Result<string | null, InputProblem>;
}

const VARIABLE = 'PORTBOT_ZONES';
const EXAMPLE = 'e.g. dmz=10.1.0.0/16,*.dmz.example.com;office=192.168.10.0/24';

/** Reads PORTBOT_ZONES; throws a PortbotError ('invalid-config') naming the zone or rule that is wrong. */
export function parseZones(text: string | undefined): readonly Zone[] {
  const zones: Zone[] = [];
  for (const part of (text ?? '').split(';')) {
    if (part.trim() === '') continue;
    const equals = part.indexOf('=');
    const name = equals < 0 ? '' : part.slice(0, equals).trim();
    if (equals < 0) throw invalid(`"${shown(part.trim())}" has no "=": write each zone as name=rules, ${EXAMPLE}`);
    if (!ZONE_NAME.test(name)) throw invalid(`zone name "${shown(name)}" is not allowed: use ${ZONE_NAME_HINT}`);
    if (zones.some((zone) => zone.name === name)) throw invalid(`zone "${name}" is listed twice: give each zone once, with all its rules`);
    const entries = part
      .slice(equals + 1)
      .split(/[\s,]+/)
      .filter((entry) => entry !== '');
    if (entries.length === 0) throw invalid(`zone "${name}" has no rules: list its CIDR blocks, addresses or names, ${EXAMPLE}`);
    zones.push({ name, rules: compileZoneRules(name, entries) });
  }
  return zones;
}

function compileZoneRules(name: string, entries: readonly string[]): CompiledRules {
  try {
    return compileRules(`zone ${name}`, entries);
  } catch (error) {
    throw error instanceof PortbotError ? invalid(error.message) : error;
  }
}

/** Why PORTBOT_ZONES cannot be read (without the variable's name), or undefined; for config.ts. */
export function zonesProblem(text: string | undefined): string | undefined {
  try {
    parseZones(text);
    return undefined;
  } catch (error) {
    if (!(error instanceof PortbotError)) throw error;
    return error.message.replace(`${VARIABLE}: `, '');
  }
}

const invalid = (message: string): PortbotError => new PortbotError('invalid-config', `${VARIABLE}: ${message}`);

/** The router over PORTBOT_ZONES (unset or empty: every target is scanned here). Throws as parseZones does. */
export function createZoneRouter(text: string | undefined): ZoneRouter {
  const zones = parseZones(text);
  return {
    zones,
    zoneFor(target) {
      const parsed = parseTarget(target);
      if (parsed.kind === 'input') return err(parsed);
      for (const zone of zones) {
        if (parsed.kind === 'name' && matchesName(zone.rules, parsed.name)) return ok(zone.name);
        if (parsed.kind === 'address' && matchNetwork(zone.rules, parsed.ip) !== undefined) return ok(zone.name);
        if (parsed.kind === 'block') {
          const placed = placeBlock(zone, parsed.address, parsed.prefix);
          if (placed.kind === 'inside') return ok(zone.name);
          if (placed.kind === 'straddles') {
            return err(inputProblem('invalid-target', `${shown(target)} lies partly in zone ${zone.name} (${placed.rule}) and partly outside it: scan the part in ${placed.rule} and the rest separately`));
          }
        }
      }
      return ok(null);
    },
  };
}

type Placement = { readonly kind: 'inside' } | { readonly kind: 'outside' } | { readonly kind: 'straddles'; readonly rule: string };

/** Whether a block lies inside one of the zone's networks, outside all, or across one (named). */
function placeBlock(zone: Zone, address: IpAddress, prefix: number): Placement {
  for (const { text, range } of zone.rules.networks) {
    if (range[0].kind() !== address.kind()) continue;
    if (prefix >= range[1] && address.match(range[0], range[1])) return { kind: 'inside' };
    if (range[1] > prefix && range[0].match(address, prefix)) return { kind: 'straddles', rule: text };
  }
  return { kind: 'outside' };
}

/** The targets of a request as typed, one by one (separated as the policy separates them). */
export const typedTargetList = (text: string): string[] => text.split(/[\p{White_Space},]+/u).filter((item) => item.length > 0);
