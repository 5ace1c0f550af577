// Notes under a chat result about service detection: each kind of finding explained once in the
// knowledge base's words (the lines beside the ports say where), and, when detection was decided
// by the result's size, that it was skipped or cut short and how to ask for it.
import type { ReplyAction } from '../report/reply.js';
import { FINDING_TOPICS, findingText } from '../knowledge/index.js';
import type { Finding, HostReport, ScanReport } from '../scanner/types.js';
import { formatCount } from './fold.js';

/** The chat word that asks for detection whatever the size (parse-command.ts reads it). */
export const SERVICES_WORD = 'services';

/** One note per kind of finding, in the order they first appear: what it means and what to do. */
export function findingNotes(hosts: readonly HostReport[]): string[] {
  const first = new Map<Finding['code'], Finding>();
  for (const host of hosts) {
    for (const port of host.ports) for (const finding of port.detected?.findings ?? []) if (!first.has(finding.code)) first.set(finding.code, finding);
  }
  return [...first.values()].map((finding) => `${FINDING_TOPICS[finding.code]}: ${findingText(finding).text}`);
}

const plural = (count: number, word: string): string => `${formatCount(count)} ${word}${count === 1 ? '' : 's'}`;

/** Whether detection after the scan left open ports unprobed: then the answer says so. */
const leftOut = (report: ScanReport): boolean => report.detection !== undefined && report.detection.probed < report.detection.openPorts && !report.cancelled;

/** "Service detection skipped: …" or "Services identified on the first …", or nothing. */
export function detectionNotes(report: ScanReport, command: string): string[] {
  const detection = report.detection;
  if (detection === undefined || !leftOut(report)) return [];
  if (detection.probed === 0) {
    return [
      `Service detection skipped: this scan found ${plural(detection.openPorts, 'open port')}, more than the ${formatCount(detection.maxPorts)} portbot identifies by itself. ` +
        `Add "${SERVICES_WORD}" to identify them anyway: ${command} ${SERVICES_WORD}`,
    ];
  }
  return [`Services identified on the first ${formatCount(detection.probed)} of ${plural(detection.openPorts, 'open port')}: the most one chat scan probes. Scan fewer hosts or ports to identify the rest.`];
}

/** A Rescan that asks for detection, when it was skipped for the result's size. */
export function detectionActions(report: ScanReport, command: string): ReplyAction[] {
  if (!leftOut(report) || report.detection?.probed !== 0) return [];
  return [{ kind: 'rescan', label: 'Rescan with services', command: `${command} ${SERVICES_WORD}` }];
}
