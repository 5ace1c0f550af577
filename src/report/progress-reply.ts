// The interim answer of a long scan: how far it got, what it found so far, and a Cancel button.
import type { Reply } from './reply.js';
import type { ScanProgress } from '../scanner/types.js';
import { formatCount } from './fold.js';

export interface ProgressReplyOptions {
  readonly targets: string;
  readonly scanId: string;
  readonly visibility: Reply['visibility'];
}

export function progressReply(progress: ScanProgress, options: ProgressReplyOptions): Reply {
  const percent = progress.total === 0 ? 0 : Math.floor((progress.done / progress.total) * 100);
  return {
    title: `Scanning ${options.targets}…`,
    summary: `${formatCount(progress.done)} of ${formatCount(progress.total)} ports done (${percent}%), ${formatCount(progress.open)} open so far`,
    tone: 'progress',
    visibility: options.visibility,
    rows: [],
    sections: [],
    notes: ['Only the person who started this scan can cancel it.'],
    actions: [{ kind: 'cancel', label: 'Cancel', scanId: options.scanId }],
  };
}

/** The interim answer while the open ports are asked what they are (service detection after the scan). */
export function detectionProgressReply(ports: number, options: ProgressReplyOptions): Reply {
  return {
    ...progressReply({ done: 0, total: 0, open: ports }, options),
    summary: `Port scan done; identifying what answers on ${formatCount(ports)} open port${ports === 1 ? '' : 's'}…`,
  };
}
