// `portbot scan`: the same scan flow and policy as chat, printed as nmap's table or as the JSON
// document, with exit codes scripts can rely on (0 done, 2 bad input, 3 refused, 1 otherwise).
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { problemLine, type Problem } from '../errors.js';
import type { CommandLog } from '../log.js';
import type { Requester } from '../policy/types.js';
import { progressBar } from '../report/progress-bar.js';
import { formatCount } from '../report/fold.js';
import { SCAN_FORMATS, type ScanFormatName } from '../report/scan-formats.js';
import { scanTable } from '../report/scan-table.js';
import { formatDuration } from '../report/scan-summary.js';
import type { PortProbe, ScanProgress } from '../scanner/types.js';
import { runScan, type ScanFlowDependencies } from '../commands/scan-flow.js';

export const EXIT = { done: 0, failed: 1, invalid: 2, refused: 3 } as const;

export interface TerminalStreams {
  readonly stdout: Writable;
  readonly stderr: Writable & { readonly isTTY?: boolean };
}

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
}

export const problemExitCode = (problem: Problem): number => (problem.kind === 'input' ? EXIT.invalid : EXIT.refused);

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

export async function terminalScan(
  deps: ScanFlowDependencies & { readonly logger: CommandLog },
  requester: Requester,
  request: TerminalScanRequest,
  streams: TerminalStreams,
): Promise<number> {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => controller.abort(new Error(signal));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  const bar = streams.stderr.isTTY === true ? progressDrawer(streams.stderr) : undefined;
  let startedAt = Date.now();
  let requested: readonly PortProbe[] | undefined;
  try {
    const { services, allHosts } = request;
    const scanRequest = { targets: request.target, ports: request.ports, udp: request.udp, text: request.text, ...(services === true ? { services } : {}), ...(allHosts === true ? { allHosts } : {}) };
    const outcome = await runScan(deps, requester, scanRequest, {
      signal: controller.signal,
      onStart: (addresses, ports) => {
        startedAt = Date.now();
        requested = ports;
        deps.logger.debug({ addresses: addresses.map((address) => address.address), ports: ports.length }, 'scan started');
      },
      ...(bar ? { onProgress: (progress: ScanProgress) => bar.draw(progress) } : {}),
    });
    bar?.clear();
    if (outcome.kind === 'problem') {
      streams.stderr.write(`portbot: ${problemLine(outcome.problem)}\n`);
      return problemExitCode(outcome.problem);
    }
    const { report } = outcome;
    const stopReason = `scan cancelled by ${controller.signal.reason instanceof Error ? controller.signal.reason.message : 'a signal'}`;
    if (request.format !== undefined) {
      const format = SCAN_FORMATS[request.format];
      try {
        await writeChunks(streams.stdout, format.chunks(report, { command: request.commandLine, startedAt, stopReason, ...(requested ? { requested } : {}) }));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
        streams.stderr.write(`portbot: standard output was closed before the whole ${format.label} was written\n`);
        return EXIT.failed;
      }
    } else streams.stdout.write(scanTable(report));
    if (!report.cancelled) return EXIT.done;
    const finished = report.hosts.reduce((sum, host) => sum + host.ports.length, 0);
    const shown = request.format === undefined ? 'the result above' : `the ${SCAN_FORMATS[request.format].label} above`;
    streams.stderr.write(`portbot: ${stopReason} after ${formatDuration(report.durationMs)}; ${shown} covers only the ${formatCount(finished)} ports finished by then\n`);
    return EXIT.failed;
  } finally {
    bar?.clear();
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}
