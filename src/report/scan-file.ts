// A scan's XML or CSV document as a file for chat ("/scan web-1 1-1024 xml"): the same writers as
// `portbot scan --xml|--csv` (scan-formats.ts), a name that is safe on every platform and disk,
// and the terminal command that writes the same document, for when a platform refuses the file.
import type { ScanReport } from '../scanner/types.js';
import type { ReplyFile } from './reply.js';
import { SCAN_FORMATS, type ScanRunInfo } from './scan-formats.js';

export type ChatFileFormat = 'xml' | 'csv';

/** Longest target part of a file name: a list of targets or a long name is cut, the job id keeps it unique. */
const MAX_TARGET_CHARS = 60;

/**
 * "portbot-<target>-<jobid>.<format>" with letters, digits, dot, dash and underscore only: the
 * targets are user text ("web-1,web-2", "10.0.0.0/28", "::1"), so every other run of characters
 * becomes one dash, and leading dots go (no hidden files, no "..").
 */
export function scanFileName(targets: string, jobId: string, format: ChatFileFormat): string {
  const safe = (text: string): string => text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/\.{2,}/g, '.');
  const target = safe(targets).slice(0, MAX_TARGET_CHARS).replace(/^[-.]+|[-.]+$/g, '');
  const id = safe(jobId).replace(/^[-.]+|[-.]+$/g, '');
  return ['portbot', target === '' ? 'scan' : target, id === '' ? undefined : id].filter((part) => part !== undefined).join('-') + `.${format}`;
}

export interface ScanFileRequest {
  readonly format: ChatFileFormat;
  /** The targets as typed and the job's id, which name the file. */
  readonly targets: string;
  readonly jobId: string;
  /** The terminal command that writes the same document, e.g. "portbot scan web-1 1-1024 --xml". */
  readonly cliCommand: string;
}

/** The whole document as one string: a chat upload needs its length before it starts. */
export function scanFile(report: ScanReport, run: ScanRunInfo, request: ScanFileRequest): ReplyFile {
  const format = SCAN_FORMATS[request.format];
  return {
    filename: scanFileName(request.targets, request.jobId, request.format),
    mimeType: format.mimeType,
    label: format.label,
    cliCommand: request.cliCommand,
    content: [...format.chunks(report, run)].join(''),
  };
}
