// Runs one process to completion and measures it the way a user experiences it: wall time from
// spawn to exit, and peak resident memory (GNU time's %M when installed, else polled VmHWM).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TimedRun {
  readonly ms: number;
  /** Peak RSS in megabytes; NaN when it could not be measured. */
  readonly maxRssMb: number;
  readonly stdout: string;
  readonly exitCode: number | null;
}

const gnuTime = ((): string | null => {
  try {
    execFileSync('/usr/bin/time', ['-f', '%M', 'true'], { stdio: 'ignore' });
    return '/usr/bin/time';
  } catch {
    return null;
  }
})();

/** Runs argv (inside `namespace` when given) with extra environment variables. */
export function timedRun(argv: readonly string[], options: { namespace?: string; env?: Record<string, string> } = {}): Promise<TimedRun> {
  const inNamespace = options.namespace === undefined ? [...argv] : ['ip', 'netns', 'exec', options.namespace, ...argv];
  const dir = mkdtempSync(join(tmpdir(), 'portbot-bench-'));
  const rssFile = join(dir, 'rss');
  // `ip netns exec` execs the command, so GNU time measures the scanner itself, not `ip`.
  const command = gnuTime === null ? inNamespace : [gnuTime, '-f', '%M', '-o', rssFile, ...inNamespace];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command[0]!, command.slice(1), { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.once('error', reject);
    child.once('close', (exitCode) => {
      const ms = performance.now() - started;
      let maxRssMb = Number.NaN;
      try {
        maxRssMb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024;
      } catch {
        // no GNU time: memory stays unmeasured
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ ms, maxRssMb, stdout: Buffer.concat(chunks).toString('utf8'), exitCode });
    });
  });
}
