// Autocomplete suggestions. They only help typing: whatever the person finally types is what the
// core parses and validates, so suggestions never need to be exhaustive or authoritative.
import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import { serviceName } from '../../src/knowledge/index.js';

/** Discord shows at most 25 choices; names and values are capped at 100 characters. */
const MAX_CHOICES = 25;
const MAX_CHOICE_TEXT = 100;

type Choice = ApplicationCommandOptionChoiceData<string>;

const PORT_SETS: readonly Choice[] = [
  { name: 'common — the usual service ports (default)', value: 'common' },
  { name: 'thorough — about 1,000 ports, a wider sweep', value: 'thorough' },
  { name: '1-1024 — every well-known port', value: '1-1024' },
  { name: '22,80,443 — SSH and the web', value: '22,80,443' },
  { name: 'ssh,http,https — by service name', value: 'ssh,http,https' },
  { name: '3389,5900 — remote desktops', value: '3389,5900' },
  { name: '3306,5432,6379,27017 — databases', value: '3306,5432,6379,27017' },
  { name: 'U:53,123,161 — UDP: DNS, NTP, SNMP', value: 'U:53,123,161' },
  { name: '1-65535 — every TCP port (slow)', value: '1-65535' },
];

const TOPICS: readonly Choice[] = [
  { name: '22 — SSH', value: '22' },
  { name: '80 — HTTP', value: '80' },
  { name: '443 — HTTPS', value: '443' },
  { name: '3389 — Remote Desktop (RDP)', value: '3389' },
  { name: '53 — DNS', value: '53' },
  { name: '23 — Telnet', value: '23' },
  { name: '21 — FTP', value: '21' },
  { name: '25 — SMTP', value: '25' },
  { name: '445 — SMB file sharing', value: '445' },
  { name: '3306 — MySQL', value: '3306' },
  { name: '5432 — PostgreSQL', value: '5432' },
  { name: '6379 — Redis', value: '6379' },
  { name: 'what is a port?', value: 'port' },
  { name: 'TCP vs UDP', value: 'tcp vs udp' },
  { name: 'open, closed and filtered', value: 'filtered' },
];

function matching(choices: readonly Choice[], typed: string): Choice[] {
  const needle = typed.trim().toLowerCase();
  if (needle === '') return [...choices];
  return choices.filter((choice) => choice.name.toLowerCase().includes(needle) || choice.value.toLowerCase().startsWith(needle));
}

/** What was typed comes first, so Enter keeps it as written. */
function withTyped(typed: string, label: string, rest: readonly Choice[]): Choice[] {
  const value = typed.trim().slice(0, MAX_CHOICE_TEXT);
  const own: Choice[] = value === '' || rest.some((choice) => choice.value === value) ? [] : [{ name: `${value}${label}`.slice(0, MAX_CHOICE_TEXT), value }];
  return [...own, ...rest].slice(0, MAX_CHOICES);
}

/** Scan ids for /diff: those starting with what was typed, labelled with when and what was found. */
export function scanIdChoices(typed: string, scans: readonly { readonly id: string; readonly label: string }[]): Choice[] {
  const needle = typed.trim().toLowerCase();
  return scans
    .filter((scan) => scan.id.startsWith(needle))
    .slice(0, MAX_CHOICES)
    .map((scan) => ({ name: scan.label.slice(0, MAX_CHOICE_TEXT), value: scan.id }));
}

export function portSpecChoices(typed: string): Choice[] {
  return withTyped(typed, '', matching(PORT_SETS, typed));
}

export function topicChoices(typed: string): Choice[] {
  const trimmed = typed.trim();
  const number = /^\d{1,5}$/.test(trimmed) ? Number(trimmed) : null;
  const service = number !== null && number <= 65535 ? serviceName(number, 'tcp') ?? serviceName(number, 'udp') : null;
  return withTyped(typed, service === null ? '' : ` — ${service}`, matching(TOPICS, typed));
}
