// One line per watch change, in the voice of the alerts: "⚠️ web-1 (10.0.0.5): 3389/tcp (Remote
// Desktop Protocol) is now open (was closed) — Windows Remote Desktop: a classic ransomware entry
// when reachable from the internet". Plain text: hostnames and service names are left for the
// adapter to escape.
import { curatedFor } from '../knowledge/curated.js';
import { portNote } from '../knowledge/index.js';
import type { Protocol } from '../scanner/types.js';
import type { WatchChange } from '../watch/changes.js';
import { formatCount } from './fold.js';
import { hostLabel } from './scan-summary.js';

export const RISK_MARK = '⚠️';

/** Ranges shown in a group line; the count says how many there are in all. */
const MAX_RANGES_SHOWN = 8;

export interface ChangeLine {
  readonly text: string;
  /** A risky service is open now (the line starts with the risk mark). */
  readonly risky: boolean;
  /** The port that opened (offered as an Explain button), as "3389/tcp". */
  readonly opened?: string;
}

/** "3389/tcp (Remote Desktop Protocol)": the name people know (a curated label without its aside), else the service. */
export function portName(port: number, protocol: Protocol, service: string | null): string {
  const label = curatedFor(port, protocol)?.label.replace(/\s*\(.*\)$/, '') ?? service;
  return label === null || label === '' ? `${port}/${protocol}` : `${port}/${protocol} (${label})`;
}

export function changeLine(change: WatchChange): ChangeLine {
  const host = hostLabel(change.host);
  switch (change.kind) {
    case 'port': {
      const line = `${host}: ${portName(change.port, change.protocol, change.service)} is now ${change.to} (was ${change.from})`;
      return change.to === 'open' ? openLine(line, change.port, change.protocol) : { text: line, risky: false };
    }
    case 'service':
      return { text: `${host}: ${change.port}/${change.protocol} now answers as ${change.to ?? 'an unknown service'} (was ${change.from ?? 'unknown'})`, risky: false };
    case 'flapping':
      return {
        text: `${host}: ${portName(change.port, change.protocol, change.service)} flapped ${change.changes} times in the last ${change.runs} runs; last seen ${change.last}. Quiet about it until it holds still.`,
        risky: false,
      };
    case 'steady': {
      const line = `${host}: ${portName(change.port, change.protocol, change.service)} stopped flapping: ${change.state} for the last ${change.runs} runs`;
      return change.state === 'open' ? openLine(line, change.port, change.protocol) : { text: line, risky: false };
    }
    case 'ports': {
      const ports = `${formatCount(change.count)} ${change.protocol} ports`;
      const what =
        change.what === 'port'
          ? `are now ${change.to} (were ${change.from ?? 'unknown'})`
          : change.what === 'flapping'
            ? `are flapping; last seen ${change.to}`
            : `stopped flapping: ${change.to}`;
      return { text: `${host}: ${ports} ${what}: ${rangesText(change.ranges)}`, risky: false };
    }
    case 'host-down':
      return { text: `${host} stopped answering (${change.reason}); its ports are compared again when it answers.`, risky: false };
    case 'host-up':
      return { text: `${host} answers again (${change.reason}).`, risky: false };
    case 'host-new': {
      const open = change.open.map((port) => portName(port.port, port.protocol, port.service));
      return { text: `${host} answers, new to this watch: ${open.length === 0 ? 'no open ports' : `open ${open.join(', ')}`}.`, risky: false };
    }
    case 'host-gone':
      return { text: `${host} is no longer in the results (its name may point elsewhere now).`, risky: false };
  }
}

/** An open port's line with its note, and the risk mark in front when the service is risky to expose. */
function openLine(line: string, port: number, protocol: Protocol): ChangeLine {
  const note = portNote(port, protocol);
  const risky = note?.warning === true;
  return { text: `${risky ? `${RISK_MARK} ` : ''}${line}${note === null ? '' : ` — ${note.note}`}`, risky, opened: `${port}/${protocol}` };
}

function rangesText(ranges: readonly (readonly [number, number])[]): string {
  const shown = ranges.slice(0, MAX_RANGES_SHOWN).map(([first, last]) => (first === last ? `${first}` : `${first}-${last}`));
  return ranges.length > MAX_RANGES_SHOWN ? `${shown.join(',')},…` : shown.join(',');
}
