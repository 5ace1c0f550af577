// `portbot scan`: the same scan flow and policy as chat, printed as nmap's table or as the JSON
// document, with exit codes scripts can rely on (0 done, 2 bad input, 3 refused, 1 otherwise).
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { problemLine, type Problem } from '../errors.js';
import type { CommandLog } from '../log.js';
import type { Requester } from '../policy/types.js';
import { progressBar } from '../report/progress-bar.js';
import { scanDocumentLines } from '../report/scan-document.js';
import { formatCount } from '../report/fold.js';
import { scanTable } from '../report/scan-table.js';
import { formatDuration } from '../report/scan-summary.js';
import type { ScanProgress } from '../scanner/types.js';
import { runScan, type ScanFlowDependencies } from './scan-flow.js';

export const EXIT = { done: 0, failed: 1, invalid: 2, refused: 3 } as const;

export interface TerminalStreams {
  readonly stdout: Writable;
  readonly stderr: Writable & { readonly isTTY?: boolean };
}

export interface TerminalScanRequest {
  readonly target: string;
  readonly ports: string | undefined;
  readonly udp: boolean;
  readonly json: boolean;
  readonly text: string;
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
 * Groups lines into chunks of about 64 KB: one write per port would cost more than the scan, and
 * chunks above V8's large-object threshold (128 KB) would each sit in their own pages until a full GC.
 */
const CHUNK_CHARS = 64 * 1024;

function* chunked(lines: Iterable<string>): Generator<string> {
  let chunk = '';
  for (const line of lines) {
    chunk += `${line}\n`;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * Writes with backpressure: standard output to a pipe is asynchronous, and a full-range document
 * (about 7 MB) written at once would wait in memory until the reader caught up. `end: false`
 * because standard output outlives this one document.
 */
const writeLines = (stdout: Writable, lines: Iterable<string>): Promise<void> => pipeline(Readable.from(chunked(lines)), stdout, { end: false });

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
  try {
    const outcome = await runScan(deps, requester, { targets: request.target, ports: request.ports, udp: request.udp, text: request.text }, {
      signal: controller.signal,
      onStart: (addresses, ports) => deps.logger.debug({ addresses: addresses.map((address) => address.address), ports: ports.length }, 'scan started'),
      ...(bar ? { onProgress: (progress: ScanProgress) => bar.draw(progress) } : {}),
    });
    bar?.clear();
    if (outcome.kind === 'problem') {
      streams.stderr.write(`portbot: ${problemLine(outcome.problem)}\n`);
      return problemExitCode(outcome.problem);
    }
    const { report } = outcome;
    if (request.json) {
      try {
        await writeLines(streams.stdout, scanDocumentLines(report));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
        streams.stderr.write('portbot: standard output was closed before the whole JSON document was written\n');
        return EXIT.failed;
      }
    } else streams.stdout.write(scanTable(report));
    if (!report.cancelled) return EXIT.done;
    const reason = controller.signal.reason instanceof Error ? controller.signal.reason.message : 'a signal';
    const finished = report.hosts.reduce((sum, host) => sum + host.ports.length, 0);
    const shown = request.json ? 'the JSON document above' : 'the result above';
    streams.stderr.write(`portbot: scan cancelled by ${reason} after ${formatDuration(report.durationMs)}; ${shown} covers only the ${formatCount(finished)} ports finished by then\n`);
    return EXIT.failed;
  } finally {
    bar?.clear();
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}
