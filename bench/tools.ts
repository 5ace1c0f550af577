// Shared by the TCP cases: running the portbot CLI and nmap in a lab namespace, reading answers.
import type { ScanReport } from '../src/scanner/types.js';
import { parseNmapXml, type NmapResult } from '../test/lab/nmap.js';
import type { BenchContext } from './case.js';
import { timedRun, type TimedRun } from './timed-process.js';

export interface PortbotRun extends TimedRun {
  readonly report: { hosts: ScanReport['hosts'] };
}

/** `portbot scan <address> <ports> --json [...options]`, with the address (or block) as the allowlist. */
export async function runPortbot(context: BenchContext, namespace: string | undefined, address: string, ports: string, options: readonly string[] = []): Promise<PortbotRun> {
  const run = await timedRun([...context.portbotCommand, 'scan', address, ports, '--json', ...options], {
    ...(namespace === undefined ? {} : { namespace }),
    env: { PORTBOT_ALLOWLIST: address },
  });
  if (run.exitCode !== 0) throw new Error(`portbot scan ${address} ${ports} exited with ${String(run.exitCode)}`);
  return { ...run, report: JSON.parse(run.stdout) as PortbotRun['report'] };
}

export interface NmapRun extends TimedRun {
  readonly result: NmapResult;
}

export async function runNmap(namespace: string | undefined, address: string, args: readonly string[]): Promise<NmapRun> {
  const run = await timedRun(['nmap', ...args, '-oX', '-', address], namespace === undefined ? {} : { namespace });
  return { ...run, result: parseNmapXml(run.stdout) };
}

/** "state: count" of one portbot host, e.g. "closed 999, open 1". */
export const describeSummary = (summary: Record<string, number | undefined>): string =>
  Object.entries(summary)
    .map(([state, count]) => `${state} ${String(count)}`)
    .join(', ');
