// `/watch <target> [ports] [udp] every <interval>`, `/watch list`, `/watch stop <id>` -> a typed
// request, or one line that says what was wrong and what to write. Pure: the chat router calls it
// with the words after "watch" and the operator's settings; checking the target against the
// allowlist (on its resolved addresses) is the scan policy's job when the baseline runs.
import { inputProblem, type Problem } from '../errors.js';
import { parseTargets } from '../policy/target-parse.js';
import type { HelpAudience } from '../report/help-reply.js';
import { parsePortSpec } from '../request/ports.js';
import { err, ok, type Result } from '../result.js';
import { parseJobId } from '../store/job-id.js';
import { parseSchedule, SCHEDULE_EXAMPLES, type ScheduleSettings, type WatchSchedule } from './schedule.js';

export interface WatchAddRequest {
  readonly kind: 'watch';
  /** Comma-separated targets as typed; the policy normalises, resolves and checks them. */
  readonly targets: string;
  /** The port list as typed (checked to parse), or undefined for the default (common ports). */
  readonly ports: string | undefined;
  readonly udp: boolean;
  readonly schedule: WatchSchedule;
}

export type WatchRequest =
  | WatchAddRequest
  | { readonly kind: 'watch-list' }
  | { readonly kind: 'watch-stop'; readonly id: string }
  | { readonly kind: 'watch-help' };

const EXAMPLE: Record<HelpAudience, string> = { chat: '/watch web-1 22,80,443 every 6h', terminal: '/watch localhost 22,80 every 30m' };

export const watchExample = (audience: HelpAudience): string => EXAMPLE[audience];

const SCHEDULE_START = new Set(['every', 'hourly', 'daily', 'weekdays', 'on']);
const UDP_WORD = /^(--udp|udp|-sU)$/i;
const PRIVATE_WORD = /^(--)?private$/i;
const HELP_WORDS = new Set(['help', '?']);

/** Another target after the first: an address, a block or a dotted name (port lists have no dots; their only colons are T:/U:). */
const isAnotherTarget = (word: string): boolean => !/^[tu]:/i.test(word) && (/[.:]/.test(word) || word.toLowerCase() === 'localhost');

/** `words`: what followed "watch" (split on white space). */
export function parseWatchCommand(words: readonly string[], settings: ScheduleSettings, audience: HelpAudience = 'chat'): Result<WatchRequest, Problem> {
  const [first, ...rest] = words;
  const verb = first?.toLowerCase();
  if (verb === undefined || (HELP_WORDS.has(verb) && rest.length === 0)) return ok({ kind: 'watch-help' });
  if (verb === 'list' || verb === 'ls') {
    return rest.length === 0 ? ok({ kind: 'watch-list' }) : err(invalid(`"/watch list" takes nothing after it; to start a watch write e.g. ${EXAMPLE[audience]}.`));
  }
  if (verb === 'stop') return parseStop(rest);
  return parseAdd(words, settings, audience);
}

function parseStop(words: readonly string[]): Result<WatchRequest, Problem> {
  const [typed, ...extra] = words;
  const id = typed === undefined ? undefined : parseJobId(typed);
  if (id === undefined || extra.length > 0) {
    const said = typed === undefined ? 'Say which watch to stop' : `"${typed.slice(0, 20)}" is not a watch id`;
    return err(invalid(`${said}, e.g. /watch stop w3k9p (/watch list shows the ids).`));
  }
  return ok({ kind: 'watch-stop', id });
}

function parseAdd(words: readonly string[], settings: ScheduleSettings, audience: HelpAudience): Result<WatchRequest, Problem> {
  const example = EXAMPLE[audience];
  if (words.some((word) => PRIVATE_WORD.test(word))) return err(invalid(`A watch posts its alerts in the channel, so it cannot be private. Example: ${example}`));
  if (SCHEDULE_START.has(words[0]!.toLowerCase())) return err(invalid(`Say what to watch before how often, e.g. ${example}`));
  const start = words.findIndex((word, index) => index > 0 && SCHEDULE_START.has(word.toLowerCase()));
  if (start === -1) return err(invalid(`Say how often to scan: ${SCHEDULE_EXAMPLES}. Example: ${example}`));
  const before = words.slice(0, start);
  const udp = before.some((word) => UDP_WORD.test(word));
  const [target = '', ...more] = before.filter((word) => !UDP_WORD.test(word));
  const extraTargets = more.findIndex((word) => !isAnotherTarget(word));
  const targets = [target, ...more.slice(0, extraTargets === -1 ? more.length : extraTargets)].join(',');
  const parsedTargets = parseTargets(targets);
  if (!parsedTargets.ok) return err(inputProblem('invalid-target', `Can't watch: ${parsedTargets.error.message}. Example: ${example}`));
  const portWords = extraTargets === -1 ? [] : more.slice(extraTargets);
  const ports = portWords.join(',').replace(/,{2,}/g, ',').replace(/^,|,$/g, '');
  if (ports !== '') {
    const parsedPorts = parsePortSpec(ports, udp ? 'udp' : 'tcp');
    if (!parsedPorts.ok) return err(inputProblem('invalid-ports', `${parsedPorts.error.message} Example: ${example}`));
  }
  const schedule = parseSchedule(words.slice(start), settings);
  if (!schedule.ok) return schedule;
  return ok({ kind: 'watch', targets, ports: ports === '' ? undefined : ports, udp, schedule: schedule.value });
}

const invalid = (message: string): Problem => inputProblem('invalid-command', message);
