// `portbot diff` as text, laid out as nmap's ndiff prints a diff: a header per host, then for each
// changed port its old line (-) and its new line (+) under PORT STATE SERVICE. A port the other
// scan did not probe has only the line of the scan that did.
import { utcMinute } from './age.js';
import type { PortChange, ScanDiff } from './scan-diff.js';
import { serviceNames } from './service-names.js';
import { formatColumns } from './text-columns.js';

function lines(change: PortChange): string[][] {
  const port = `${change.port}/${change.protocol}`;
  const registered = serviceNames(change.port, change.protocol) ?? '';
  const service = { from: change.service?.from ?? registered, to: change.service?.to ?? registered };
  return [
    ...(change.from === null ? [] : [[`-${port}`, change.from, service.from]]),
    ...(change.to === null ? [] : [[`+${port}`, change.to, service.to]]),
  ];
}

export function diffText(diff: ScanDiff): string {
  const out = [`-portbot scan ${diff.from.id} (${utcMinute(diff.from.startedAt)})`, `+portbot scan ${diff.to.id} (${utcMinute(diff.to.startedAt)})`, ''];
  if (diff.changes.length === 0) return `${[...out, 'No change.'].join('\n')}\n`;
  const hosts = [...new Set(diff.changes.map((change) => change.address))];
  for (const address of hosts) {
    const changes = diff.changes.filter((change) => change.address === address);
    const target = changes[0]!.target;
    out.push(` ${target === address ? address : `${target} (${address})`}:`);
    out.push(...formatColumns([[' PORT', 'STATE', 'SERVICE'], ...changes.flatMap(lines)], 1).map((line) => line.trimEnd()), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
