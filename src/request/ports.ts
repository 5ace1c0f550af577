// Port lists as people write them, after nmap's -p syntax: "22", "22,80,443", "1-1024", "all",
// "ssh,https", the named lists "common" and "thorough" (docs/port-lists.md), "T:22,80,U:53,161",
// "53/udp". Parsed with zod at the edge.
import { z } from 'zod';
import { inputProblem, type InputProblem } from '../errors.js';
import { COMMON_PORTS } from '../knowledge/common.js';
import { thoroughPorts } from '../knowledge/port-lists/thorough.js';
import { err, ok, type Result } from '../result.js';
import type { PortProbe, Protocol } from '../scanner/types.js';
import { resolveServiceName, shown } from './port-names.js';

export { COMMON_PORTS, commonPorts } from '../knowledge/common.js';
export { formatPortList } from './port-list-format.js';

const MAX_PORT = 65535;
const MAX_SPEC_LENGTH = 2000;
const EXAMPLE = 'e.g. 22,80,443 or 1-1024 or ssh,https or T:22,U:53';

const portNumber = z.coerce
  .number()
  .int()
  .min(1, { error: (issue) => `port ${String(issue.input)} is out of range: ports run from 1 to ${MAX_PORT} (0 is reserved), ${EXAMPLE}` })
  .max(MAX_PORT, { error: (issue) => `port ${String(issue.input)} is out of range: ports run from 1 to ${MAX_PORT}, ${EXAMPLE}` });

/** Inclusive port runs: "all" stays one run instead of 65,535 objects until the list is built. */
interface PortRun {
  readonly protocol: Protocol;
  readonly from: number;
  readonly to: number;
}

type Expanded = Result<readonly PortRun[], string>;

const single = (port: number, protocol: Protocol): PortRun => ({ protocol, from: port, to: port });

function number(text: string): Result<number, string> {
  // A long digit run would coerce to Infinity and lose the "out of range" wording.
  if (text.length > 6) return err(`port ${shown(text)} is out of range: ports run from 1 to ${MAX_PORT}, ${EXAMPLE}`);
  const parsed = portNumber.safeParse(text);
  return parsed.success ? ok(parsed.data) : err(parsed.error.issues[0]?.message ?? `"${shown(text)}" is not a port number, ${EXAMPLE}`);
}

/** One item without its prefix: a number, a range, a keyword or a service name. */
function expandItem(item: string, protocol: Protocol, explicit: boolean): Expanded {
  const lower = item.toLowerCase();
  if (lower === 'all' || lower === '-') return ok([{ protocol, from: 1, to: MAX_PORT }]);
  // "top100" was the first name of `common`; it is read as `common` so old commands still run.
  if (lower === 'common' || lower === 'top100') return probeRuns(COMMON_PORTS.filter((probe) => probe.protocol === protocol));
  if (lower === 'thorough') return probeRuns(thoroughPorts(protocol));
  const withTransport = /^(\d+)\/(tcp|udp)$/.exec(lower);
  if (withTransport?.[1] !== undefined) {
    const port = number(withTransport[1]);
    return port.ok ? ok([single(port.value, withTransport[2] as Protocol)]) : port;
  }
  if (/^\d+$/.test(item)) {
    const port = number(item);
    return port.ok ? ok([single(port.value, protocol)]) : port;
  }
  const bounds = /^(\d*)-(\d*)$/.exec(item);
  if (bounds !== null) {
    // nmap's open ends: "-1024" starts at 1, "1024-" ends at 65535.
    const from = number(bounds[1] === '' || bounds[1] === undefined ? '1' : bounds[1]);
    const to = number(bounds[2] === '' || bounds[2] === undefined ? String(MAX_PORT) : bounds[2]);
    if (!from.ok) return from;
    if (!to.ok) return to;
    if (from.value > to.value) return err(`range "${shown(item)}" runs backwards: write the lower port first, e.g. ${to.value}-${from.value}`);
    return ok([{ protocol, from: from.value, to: to.value }]);
  }
  if (/^[a-z][\w.+-]*$/i.test(item)) {
    const named = resolveServiceName(item, protocol, explicit);
    return named.ok ? probeRuns(named.value) : named;
  }
  return err(`"${shown(item)}" is not a port, range or service name, ${EXAMPLE}`);
}

const probeRuns = (probes: readonly PortProbe[]): Expanded => ok(probes.map((probe) => single(probe.port, probe.protocol)));

/**
 * Merges runs into one sorted list, TCP before UDP, through a bitmap per protocol: a Map keyed by
 * "tcp/22" plus a sort cost a full-range scan over 100 ms and megabytes of garbage.
 */
function mergeRuns(runs: readonly PortRun[]): PortProbe[] {
  const chosen = { tcp: new Uint8Array(MAX_PORT + 1), udp: new Uint8Array(MAX_PORT + 1) };
  for (const run of runs) chosen[run.protocol].fill(1, run.from, run.to + 1);
  const probes: PortProbe[] = [];
  for (const protocol of ['tcp', 'udp'] as const) {
    const marks = chosen[protocol];
    for (let port = 1; port <= MAX_PORT; port++) if (marks[port] === 1) probes.push({ port, protocol });
  }
  return probes;
}

function expandSpec(text: string, defaultProtocol: Protocol): Result<readonly PortProbe[], string> {
  // "T: 22 , 80" -> "T:22,80"; then commas and spaces both separate items.
  const items = text.replace(/\s*([:,])\s*/g, '$1').replace(/\s*-\s*/g, '-').split(/[\s,]+/).filter((item) => item !== '');
  const runs: PortRun[] = [];
  let protocol = defaultProtocol;
  let explicit = false;
  for (const raw of items) {
    let item = raw;
    const prefix = /^([a-z]):(.*)$/i.exec(raw);
    if (prefix !== null) {
      const letter = prefix[1]?.toUpperCase();
      if (letter !== 'T' && letter !== 'U') return err(`unknown prefix "${prefix[1] ?? ''}:": use T: for TCP or U: for UDP, e.g. T:22,80,U:53`);
      protocol = letter === 'T' ? 'tcp' : 'udp';
      explicit = true;
      item = prefix[2] ?? '';
      if (item === '') continue;
    }
    const expanded = expandItem(item, protocol, explicit);
    if (!expanded.ok) return expanded;
    runs.push(...expanded.value);
  }
  if (runs.length === 0) return err(`the port list names no ports, ${EXAMPLE}`);
  return ok(mergeRuns(runs));
}

/** zod schema of a port list, for request schemas that embed one: string -> sorted PortProbe[]. */
export const portSpecSchema = (defaultProtocol: Protocol = 'tcp') =>
  z
    .string()
    .trim()
    .min(1, `empty port list, ${EXAMPLE}`)
    .max(MAX_SPEC_LENGTH, `port list too long (over ${MAX_SPEC_LENGTH} characters): use ranges, e.g. 1-1024 or all`)
    .transform((text, context) => {
      const expanded = expandSpec(text, defaultProtocol);
      if (expanded.ok) return expanded.value;
      context.issues.push({ code: 'custom', message: expanded.error, input: text });
      return z.NEVER;
    });

/**
 * Parses a port list: "22", "22,80,443", "1-1024", "all", "ssh,https", "common", "thorough",
 * "U:53", "T:22,U:53". `defaultProtocol` applies to items without a T:/U: prefix.
 * Duplicates merge; the result is sorted (tcp before udp, then by port).
 */
export function parsePortSpec(text: string, defaultProtocol: Protocol = 'tcp'): Result<readonly PortProbe[], InputProblem> {
  const parsed = portSpecSchema(defaultProtocol).safeParse(text);
  if (parsed.success) return ok(parsed.data);
  const message = parsed.error.issues[0]?.message ?? `invalid port list, ${EXAMPLE}`;
  return err(inputProblem('invalid-ports', `Invalid port list: ${message}.`));
}
