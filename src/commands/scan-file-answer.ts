// "/scan web-1 1-1024 xml": the answer of a finished scan carries the document asked for, written
// by the same code as `portbot scan --xml|--csv`; the adapters attach it (or say why they could not).
import type { Reply } from '../report/reply.js';
import { scanFile } from '../report/scan-file.js';
import { requestedPorts } from '../report/scan-formats.js';
import type { ScanReport } from '../scanner/types.js';
import type { ScanCommand } from './parse-command.js';

/** The terminal command that writes the same document: what a line offers when a platform refuses the file. */
export function scanCliText(command: ScanCommand & { readonly file: 'xml' | 'csv' }): string {
  const services = command.services === 'on' ? '--services' : '';
  const words = ['portbot scan', command.targets, command.ports ?? '', command.udp ? '--udp' : '', services, command.allHosts === true ? '--all-hosts' : '', `--${command.file}`];
  return words.filter((word) => word !== '').join(' ');
}

export interface FileRun {
  readonly jobId: string;
  /** When the scan started (ms since the epoch), which nmap's XML records. */
  readonly startedAt: number;
  /** The chat command, recorded as nmaprun's args. */
  readonly commandText: string;
}

export function withRequestedFile(reply: Reply, command: ScanCommand, report: ScanReport, run: FileRun): Reply {
  const format = command.file;
  if (format === undefined) return reply;
  const requested = requestedPorts(format, command.ports, command.udp);
  const info = { command: run.commandText, startedAt: run.startedAt, ...(requested === undefined ? {} : { requested }) };
  const file = scanFile(report, info, { format, targets: command.targets, jobId: run.jobId, cliCommand: scanCliText({ ...command, file: format }) });
  return { ...reply, file };
}
