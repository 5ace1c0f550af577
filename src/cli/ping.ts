// `portbot ping`: the same ping flow and policy as chat, printed as nmap's status lines or as a
// JSON document, with the scan's exit codes (0 done, whether or not the host is up; 2 bad input;
// 3 refused; 1 otherwise). Ctrl-C stops it and what was decided so far is printed.
import { problemLine } from '../errors.js';
import type { Requester } from '../policy/types.js';
import { pingDocument, pingLines } from '../report/ping-reply.js';
import { formatDuration } from '../report/scan-summary.js';
import { parseCommand } from '../commands/parse-command.js';
import type { ScanService } from '../scan/index.js';
import { EXIT, problemExitCode, type TerminalStreams } from './terminal.js';

export async function terminalPing(service: ScanService, requester: Requester, target: string, json: boolean, streams: TerminalStreams): Promise<number> {
  // The chat's reading of the targets, so a port list or markup gets the same one line.
  const parsed = parseCommand(`/ping ${target}`, 'terminal');
  if (!parsed.ok || parsed.value.kind !== 'ping') {
    streams.stderr.write(`portbot: ${parsed.ok ? 'say what to ping, e.g. `portbot ping localhost`' : problemLine(parsed.error)}\n`);
    return EXIT.invalid;
  }
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => controller.abort(new Error(signal));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    const outcome = await service.ping({ targets: parsed.value.targets, text: `ping ${target}` }, requester, controller.signal);
    if (outcome.kind === 'problem') {
      streams.stderr.write(`portbot: ${problemLine(outcome.problem)}\n`);
      return problemExitCode(outcome.problem);
    }
    const { report } = outcome;
    if (json) streams.stdout.write(`${JSON.stringify(pingDocument(report), null, 2)}\n`);
    else {
      const addresses = report.hosts.length === 1 ? '1 address' : `${report.hosts.length} addresses`;
      const up = report.hosts.filter((host) => host.status.state === 'up').length;
      const seconds = formatDuration(report.durationMs).replace(' s', ' seconds');
      // nmap's closing line; a stopped ping has none (the hosts it decided are listed all the same).
      const done = report.cancelled ? [] : [`portbot done: ${addresses} (${up} host${up === 1 ? '' : 's'} up) pinged in ${seconds}`];
      streams.stdout.write([...pingLines(report), ...done].join('\n') + '\n');
    }
    return report.cancelled ? EXIT.failed : EXIT.done;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}
