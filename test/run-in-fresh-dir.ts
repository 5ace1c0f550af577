// Runs a Node script as its own process in a fresh temporary directory, with only the variables
// given and optionally a ./.env there, so a developer's own .env or environment never leaks in.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProcessRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface FreshDirOptions {
  readonly env?: Record<string, string>;
  /** The text of ./.env in that directory; none when undefined. */
  readonly dotEnv?: string;
}

export async function runInFreshDir(script: string, args: readonly string[], options: FreshDirOptions = {}): Promise<ProcessRun> {
  const cwd = mkdtempSync(join(tmpdir(), 'portbot-run-'));
  try {
    if (options.dotEnv !== undefined) writeFileSync(join(cwd, '.env'), options.dotEnv);
    const child = spawn(process.execPath, [script, ...args], { cwd, env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'close')) as [number | null];
    return { code, stdout, stderr };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}
