// `portbot scan`: the same scan service and policy as chat, printed as nmap's table or as a
// document, with exit codes scripts can rely on. With --save the job is recorded too: the result
// prints first, then the line on what changed since the last scan, then the store is closed.
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { problemLine } from '../errors.js';
import type { CommandLog } from '../log.js';
import type { Requester } from '../policy/types.js';
import { formatCount } from '../report/fold.js';
import { progressBar } from '../report/progress-bar.js';
import { requestedPorts, SCAN_FORMATS, type ScanFormatName } from '../report/scan-formats.js';
import { formatDuration } from '../report/scan-summary.js';
import { scanTable } from '../report/scan-table.js';
import { historyLine } from '../report/since-line.js';
import type { HistoryNote, RecordOutcome, ScanService } from '../scan/index.js';
import type { ScanProgress } from '../scanner/types.js';
import { EXIT, problemExitCode, type TerminalStreams } from './terminal.js';

export interface TerminalScanRequest {
  readonly target: string;
  readonly ports: string | undefined;
  readonly udp: boolean;
  /** A document instead of the table. */
  readonly format: ScanFormatName | undefined;
  /** Positionals as typed, for the audit trail. */
  readonly text: string;
  /** The whole command line, named in documents that record it (nmap XML's args). */
  readonly commandLine: string;
  readonly services?: boolean;
  readonly allHosts?: boolean;
  /** Record the scan in history (--save). */
  readonly save?: boolean;
}

/** Draws at most ~10 frames a second: redrawing on every port would cost more than the scan. */
function progressDrawer(stderr: TerminalStreams['stderr']): { draw(progress: ScanProgress): void; clear(): void } {
  let lastDraw = 0;
  let drawn = false;
  return {
    draw: (progress) => {
      const now = Date.now();
      if (now - lastDraw < 100 && progress.done < progress.total) return;
      lastDraw = now;
      drawn = true;
      stderr.write(`\r${progressBar(progress)}`);
    },
    clear: () => {
      if (drawn) stderr.write('\r\u001b[K');
      drawn = false;
    },
  };
}

/**
 * Writes with backpressure: standard output to a pipe is asynchronous, and a full-range document
 * (about 7 MB) written at once would wait in memory until the reader caught up. `end: false`
 * because standard output outlives this one document.
 */
const writeChunks = (stdout: Writable, chunks: Iterable<string>): Promise<void> => pipeline(Readable.from(chunks), stdout, { end: false });

export async function terminalScan(service: ScanService, logger: CommandLog, requester: Requester, request: TerminalScanRequest, streams: TerminalStreams): Promise<number> {
  const bar = streams.stderr.isTTY === true ? progressDrawer(streams.stderr) : undefined;
  const { services, allHosts } = request;
  const scanRequest = { targets: request.target, ports: request.ports, udp: request.udp, text: request.text, ...(services === true ? { services } : {}), ...(allHosts === true ? { allHosts } : {}) };
  const job = service.submit(scanRequest, { requester, visibility: 'channel' }, { record: request.save === true });
  let stopReason = 'scan cancelled by a signal';
  const onSignal = (signal: NodeJS.Signals): void => {
    stopReason = `scan cancelled by ${signal}`;
    service.cancel(job.id, requester);
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  let startedAt = Date.now();
  try {
    for await (const event of job.events) {
      if (event.kind === 'started') {
        startedAt = Date.now();
        logger.debug({ jobId: job.id, addresses: event.addresses.map((address) => address.address), ports: event.totalPorts }, 'scan started');
      } else if (event.kind === 'progress') bar?.draw(event.progress);
    }
    const outcome = await job.outcome;
    bar?.clear();
    if (outcome.kind === 'problem') {
      streams.stderr.write(`portbot: ${problemLine(outcome.problem)}\n`);
      return problemExitCode(outcome.problem);
    }
    if (outcome.kind === 'failed') {
      streams.stderr.write(`portbot: ${outcome.message} (${outcome.code})\n`);
      return EXIT.failed;
    }
    const { report } = outcome;
    if (request.format !== undefined) {
      const format = SCAN_FORMATS[request.format];
      const requested = requestedPorts(request.format, request.ports, request.udp);
      try {
        await writeChunks(streams.stdout, format.chunks(report, { command: request.commandLine, startedAt, stopReason, ...(requested ? { requested } : {}) }));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
        streams.stderr.write(`portbot: standard output was closed before the whole ${format.label} was written\n`);
        return EXIT.failed;
      }
    } else streams.stdout.write(scanTable(report));
    const saved = await savedLine(job.recorded, await job.history, request.format === undefined ? request.target.split(',')[0] : undefined, streams);
    if (report.cancelled) {
      const finished = report.hosts.reduce((sum, host) => sum + host.ports.length, 0);
      const shown = request.format === undefined ? 'the result above' : `the ${SCAN_FORMATS[request.format].label} above`;
      streams.stderr.write(`portbot: ${stopReason} after ${formatDuration(report.durationMs)}; ${shown} covers only the ${formatCount(finished)} ports finished by then\n`);
      return EXIT.failed;
    }
    return saved ? EXIT.done : EXIT.failed;
  } finally {
    bar?.clear();
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}

/**
 * --save: waits for the recording, then (after a table) prints what changed since the last scan and
 * the job's id; a failed write is one line on stderr. False when the scan was not recorded.
 */
async function savedLine(recorded: Promise<RecordOutcome>, note: HistoryNote, target: string | undefined, streams: TerminalStreams): Promise<boolean> {
  const written = await recorded;
  if (written.ok === 'off') return true;
  if (written.ok === false) {
    streams.stderr.write(`portbot: ${written.message}\n`);
    return false;
  }
  if (target !== undefined) {
    const since = note.kind === 'recorded' ? historyLine(note) : undefined;
    streams.stdout.write(`${since === undefined ? '\n' : `\n${since}\n`}Saved as scan ${written.jobId} (portbot history ${target}).\n`);
  }
  return true;
}
