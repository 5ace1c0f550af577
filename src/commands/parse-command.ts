// Command text -> what the person asked for. Accepts slash commands ("/scan web-1 22,80"), the
// same words after a mention ("scan web-1 22,80", also typed as text: "@portbot scan web-1"), help
// in its usual spellings, and plain questions ("what is port 22 for?"), which go to /port.
// Anything else gets one line with examples that work where it was typed.
import { z } from 'zod';
import { inputProblem, type InputProblem } from '../errors.js';
import { parseTargets } from '../policy/target-parse.js';
import { err, ok, type Result } from '../result.js';
import { scanExample, type HelpAudience, type HelpTopic } from '../report/help-reply.js';

export interface ScanCommand {
  readonly kind: 'scan';
  /** Comma-separated targets as typed, in the order typed; the policy normalises and resolves them. */
  readonly targets: string;
  /** The port list as typed, or undefined for the default (common ports). */
  readonly ports: string | undefined;
  readonly udp: boolean;
  readonly private: boolean;
  /** "services": identify what answers on every open port (up to a cap); "no-services": never. Absent: by the result's size. */
  readonly services?: 'on' | 'off';
  /** "all-hosts": port-scan every address, even those that seem down (nmap -Pn). */
  readonly allHosts?: true;
  /** "xml" or "csv": attach the result as nmap's XML or as CSV, the files `portbot scan --xml|--csv` writes. */
  readonly file?: 'xml' | 'csv';
}

/** "/ping web-1": is it up, and how far away. */
export interface PingCommand {
  readonly kind: 'ping';
  readonly targets: string;
  readonly private: boolean;
}

/** /history <target>: the last scans of one target here. */
export interface HistoryCommand {
  readonly kind: 'history';
  readonly target: string;
}

/** /diff <target> (its two newest scans) or /diff <id> <id> (any two). */
export interface DiffCommand {
  readonly kind: 'diff';
  readonly query: { readonly kind: 'target'; readonly target: string } | { readonly kind: 'ids'; readonly ids: readonly [string, string] };
}

/** /watch …: the words after it, read by parseWatchCommand with the operator's watch settings. */
export interface WatchWords {
  readonly kind: 'watch';
  readonly words: readonly string[];
}

export type ParsedCommand =
  | ScanCommand
  | WatchWords
  | PingCommand
  | HistoryCommand
  | DiffCommand
  | { readonly kind: 'port'; readonly query: string }
  | { readonly kind: 'help'; readonly topic: HelpTopic };

const examples = (audience: HelpAudience): string => `${scanExample(audience)}, /port 22 or help`;

const QUESTION_WORDS = new Set(['what', "what's", 'whats', 'which', 'why', 'how', 'is', 'are', 'does', 'do', 'explain', 'tell', 'describe']);
const HELP_WORDS = new Set(['help', '?', 'commands', 'usage']);
const PRIVATE_FLAG = /^(--)?private$/i;
const UDP_FLAG = /^(--udp|udp|-sU)$/i;
const SERVICES_FLAG = /^(--)?services$/i;
const NO_SERVICES_FLAG = /^(--)?no-services$/i;
const ALL_HOSTS_FLAG = /^(--)?all-hosts$/i;
const FILE_FLAG = /^(--)?(xml|csv)$/i;
const isOption = (word: string): boolean => [PRIVATE_FLAG, UDP_FLAG, SERVICES_FLAG, NO_SERVICES_FLAG, ALL_HOSTS_FLAG, FILE_FLAG].some((flag) => flag.test(word));
/** "@portbot" typed as text (in the console, or pasted): the command is what follows it. */
const TYPED_MENTION = /^@portbot\b[\s,:]*/i;

// The policy's own reading of the targets, run here too, so junk and markup never reach the
// pipeline and the person gets the policy's line (what was wrong, what to write) at once.
const targetsSchema = z
  .string()
  .max(512, 'that target list is too long')
  .superRefine((text, context) => {
    const parsed = parseTargets(text);
    if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.error.message });
  });

// Trim White_Space only: String#trim also strips U+FEFF, which the target check must see and refuse.
const withoutMention = (text: string): string => text.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, '').replace(TYPED_MENTION, '');

/** `audience` picks examples that work where the command was typed (the console allows loopback). */
export function parseCommand(typed: string, audience: HelpAudience = 'chat'): Result<ParsedCommand, InputProblem> {
  const text = withoutMention(typed);
  // Split on White_Space, not \s: \s also matches U+FEFF, an invisible character the target check must see.
  const words = text.split(/\p{White_Space}+/u).filter((word) => word.length > 0);
  const [first, ...rest] = words;
  if (first === undefined) return ok({ kind: 'help', topic: 'all' });
  const verb = first.toLowerCase().replace(/^\//, '');
  const restIsHelp = rest.length === 1 && HELP_WORDS.has(rest[0]?.toLowerCase() ?? '');

  if (HELP_WORDS.has(verb)) return ok({ kind: 'help', topic: helpTopic(rest[0]) });
  if (verb === 'scan') return rest.length === 0 || restIsHelp ? ok({ kind: 'help', topic: 'scan' }) : parseScan(rest, audience);
  if (verb === 'ping') return rest.length === 0 || restIsHelp ? ok({ kind: 'help', topic: 'ping' }) : parsePing(rest, audience);
  if (verb === 'history' || verb === 'diff') return rest.length === 0 || restIsHelp ? ok({ kind: 'help', topic: 'history' }) : parseHistoryWords(verb, rest, audience);
  if (verb === 'watch' || verb === 'watches') return ok({ kind: 'watch', words: verb === 'watches' && rest.length === 0 ? ['list'] : rest });
  if (verb === 'port' || verb === 'ports') {
    return rest.length === 0 || restIsHelp ? ok({ kind: 'help', topic: 'port' }) : ok({ kind: 'port', query: rest.join(' ') });
  }
  if (QUESTION_WORDS.has(verb) || text.endsWith('?') || /^\d+(\/(tcp|udp))?$/i.test(text)) {
    return ok({ kind: 'port', query: text });
  }
  return err(inputProblem('invalid-command', `I don't know the command "${first.slice(0, 40)}". Try ${examples(audience)}.`));
}

function helpTopic(word: string | undefined): HelpTopic {
  const topic = word?.toLowerCase().replace(/^\//, '');
  if (topic === 'diff') return 'history';
  return topic === 'scan' || topic === 'port' || topic === 'ping' || topic === 'history' ? topic : 'all';
}

/**
 * After the first target, a word is another target when no port list could contain it: an address,
 * a CIDR block, a dotted name or localhost (port lists have no dots, and their only colons are the
 * T:/U: prefixes). So `/scan 127.0.0.1 127.0.0.2 22` scans two hosts, while in `/scan web-1 ssh`
 * "ssh" stays a port; single-label names go in a comma list (`/scan web-1,web-2 22`).
 */
const isAnotherTarget = (word: string): boolean => !/^[tu]:/i.test(word) && (/[.:]/.test(word) || word.toLowerCase() === 'localhost');

function parseScan(words: readonly string[], audience: HelpAudience): Result<ScanCommand, InputProblem> {
  const isPrivate = words.some((word) => PRIVATE_FLAG.test(word));
  const udp = words.some((word) => UDP_FLAG.test(word));
  const services = servicesOption(words);
  if (!services.ok) return services;
  const allHosts = words.some((word) => ALL_HOSTS_FLAG.test(word));
  const file = fileOption(words);
  if (!file.ok) return file;
  const [first = '', ...rest] = words.filter((word) => !isOption(word));
  const more = rest.findIndex((word) => !isAnotherTarget(word));
  const typedTargets = [first, ...rest.slice(0, more === -1 ? rest.length : more)];
  const options = more === -1 ? [] : rest.slice(more);
  if (first === '') return err(inputProblem('invalid-target', `Say what to scan, e.g. ${scanExample(audience)}`));
  const targets = typedTargets.join(',');
  const checked = targetsSchema.safeParse(targets);
  if (!checked.success) {
    const why = checked.error.issues[0]?.message ?? 'that target is not valid';
    return err(inputProblem('invalid-target', `Can't scan: ${why}. Example: ${scanExample(audience)}`));
  }
  // "22, 80,443" arrives as several words: glue the remaining words back into one list.
  const ports = options
    .join(',')
    .replace(/,{2,}/g, ',')
    .replace(/^,|,$/g, '');
  const chosen = {
    ...(services.value === undefined ? {} : { services: services.value }),
    ...(allHosts ? { allHosts: true as const } : {}),
    ...(file.value === undefined ? {} : { file: file.value }),
  };
  return ok({ kind: 'scan', targets: checked.data, ports: ports === '' ? undefined : ports, udp, private: isPrivate, ...chosen });
}

function servicesOption(words: readonly string[]): Result<ScanCommand['services'], InputProblem> {
  const on = words.some((word) => SERVICES_FLAG.test(word));
  const off = words.some((word) => NO_SERVICES_FLAG.test(word));
  if (on && off) return err(inputProblem('invalid-command', 'Say "services" (identify what answers on open ports) or "no-services" (never), not both.'));
  return ok(on ? 'on' : off ? 'off' : undefined);
}

/** "xml" or "csv" (also --xml, --csv): which file to attach; both at once is a mistake worth saying. */
function fileOption(words: readonly string[]): Result<ScanCommand['file'], InputProblem> {
  const formats = new Set(words.flatMap((word) => FILE_FLAG.exec(word)?.[2]?.toLowerCase() ?? []));
  if (formats.size > 1) return err(inputProblem('invalid-command', 'Say "xml" (nmap\'s XML file) or "csv" (a spreadsheet), not both: one file per scan.'));
  const [format] = formats;
  return ok(format === 'xml' || format === 'csv' ? format : undefined);
}

/** A ping takes targets only: a port list there is a mistake worth saying, not a host name. */
function parsePing(words: readonly string[], audience: HelpAudience): Result<PingCommand, InputProblem> {
  const isPrivate = words.some((word) => PRIVATE_FLAG.test(word));
  const typed = words.filter((word) => !PRIVATE_FLAG.test(word));
  const example = audience === 'terminal' ? '/ping localhost' : '/ping web-1';
  if (typed.length === 0) return err(inputProblem('invalid-target', `Say what to ping, e.g. ${example}`));
  if (typed.some((word) => /^\d[\d,-]*$/.test(word))) return err(inputProblem('invalid-command', `A ping takes no ports: it asks whether hosts are up, e.g. ${example}. To check ports, use /scan.`));
  const checked = targetsSchema.safeParse(typed.join(',').replace(/,{2,}/g, ','));
  if (!checked.success) return err(inputProblem('invalid-target', `Can't ping: ${checked.error.issues[0]?.message ?? 'that target is not valid'}. Example: ${example}`));
  return ok({ kind: 'ping', targets: checked.data, private: isPrivate });
}

/** The canonical text of a scan command, re-run by the Rescan button. */
export function scanCommandText(command: ScanCommand): string {
  const services = command.services === 'on' ? 'services' : command.services === 'off' ? 'no-services' : '';
  return ['/scan', command.targets, command.ports ?? '', command.udp ? 'udp' : '', command.private ? 'private' : '', services, command.allHosts === true ? 'all-hosts' : '', command.file ?? '']
    .filter((part) => part !== '')
    .join(' ');
}

/** The canonical text of a ping, re-run by its Ping again button. */
export const pingCommandText = (command: PingCommand): string => `/ping ${command.targets}${command.private ? ' private' : ''}`;

/** Which audit bucket a command belongs to, even when it could not be parsed. */
export function auditKind(text: string): 'scan' | 'ping' | 'port' | 'help' | 'history' | 'diff' | 'watch' {
  const verb = withoutMention(text).split(/\s+/)[0]?.toLowerCase().replace(/^\//, '') ?? '';
  if (verb === 'scan' || verb === 'ping' || verb === 'history' || verb === 'diff' || verb === 'watch') return verb;
  return verb === 'port' || verb === 'ports' || QUESTION_WORDS.has(verb) ? 'port' : 'help';
}

/** One target, checked like a scan's (the answer echoes it); or, for /diff, two scan ids. */
function parseHistoryWords(verb: 'history' | 'diff', words: readonly string[], audience: HelpAudience): Result<HistoryCommand | DiffCommand, InputProblem> {
  const example = verb === 'history' ? `/history ${audience === 'chat' ? 'web-1' : 'localhost'}` : `/diff ${audience === 'chat' ? 'web-1' : 'localhost'} or /diff s3k9p s7k2q`;
  if (verb === 'diff' && words.length === 2) return ok({ kind: 'diff', query: { kind: 'ids', ids: [words[0]!, words[1]!] } });
  if (words.length !== 1) return err(inputProblem('invalid-command', `Say which target${verb === 'diff' ? ', or which two scan ids (from /history),' : ''} to look up, e.g. ${example}`));
  const checked = targetsSchema.safeParse(words[0]);
  if (!checked.success || checked.data.includes(',')) {
    const why = checked.success ? 'one target at a time' : (checked.error.issues[0]?.message ?? 'that target is not valid');
    return err(inputProblem('invalid-target', `Can't look that up: ${why}. Example: ${example}`));
  }
  return ok(verb === 'history' ? { kind: 'history', target: checked.data } : { kind: 'diff', query: { kind: 'target', target: checked.data } });
}
