// Spawns the real CLI process (the compiled entry beside this file does what bin/portbot.js
// does) with a clean environment: no chat tokens or settings leak in from the machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ENTRY = new URL('./portbot-entry.js', import.meta.url);

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunningCli {
  readonly child: ChildProcess;
  /** Resolves once stderr contains `text` (`count` times, default once). */
  waitForStderr(text: string, count?: number): Promise<void>;
  /** Resolves once stdout has matched `pattern` `count` times (default once). */
  waitForStdout(pattern: RegExp, count?: number): Promise<void>;
  /** What the process printed so far. */
  readonly output: { readonly stdout: string; readonly stderr: string };
  readonly done: Promise<CliRun>;
}

let sharedDataDir: string | undefined;

/**
 * The history store of every CLI and console this test process starts without one of its own: a
 * temporary directory (never the working tree's ./data), created once, so only the first console
 * pays for creating the embedded store. Runs that may overlap in time pass their own directory.
 */
export function testDataDir(): string {
  if (sharedDataDir === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'portbot-test-data-'));
    sharedDataDir = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return sharedDataDir;
}

/** `namespace`: run the CLI inside that network namespace (a lab's scanning side), via ip netns exec. */
export function startCli(args: readonly string[], env: NodeJS.ProcessEnv = {}, input?: string, namespace?: string): RunningCli {
  const store = env['PORTBOT_DATA_DIR'] !== undefined || env['PORTBOT_DATABASE_URL'] !== undefined ? {} : { PORTBOT_DATA_DIR: testDataDir() };
  const command = [process.execPath, ENTRY.pathname, ...args];
  const [file = '', ...rest] = namespace === undefined ? command : ['ip', 'netns', 'exec', namespace, ...command];
  const child = spawn(file, rest, {
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/root', ...store, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: { text: string; count: number; resolve: () => void }[] = [];
  const seen = (text: string, count: number): boolean => stderr.split(text).length - 1 >= count;
  const stdoutWaiters: { done: () => boolean; resolve: () => void }[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const waiter of stdoutWaiters.filter((candidate) => candidate.done())) waiter.resolve();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const waiter of waiters.filter((candidate) => seen(candidate.text, candidate.count))) waiter.resolve();
  });
  if (input !== undefined) child.stdin.end(input);
  const done = new Promise<CliRun>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return {
    child,
    done,
    waitForStderr: (text, count = 1) => (seen(text, count) ? Promise.resolve() : new Promise((resolve) => waiters.push({ text, count, resolve }))),
    waitForStdout: (pattern, count = 1) => {
      const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
      const done = (): boolean => (stdout.match(global)?.length ?? 0) >= count;
      return done() ? Promise.resolve() : new Promise((resolve) => stdoutWaiters.push({ done, resolve }));
    },
    get output() {
      return { stdout, stderr };
    },
  };
}

export const runCli = (args: readonly string[], env: NodeJS.ProcessEnv = {}, input?: string, namespace?: string): Promise<CliRun> => startCli(args, env, input, namespace).done;

export const lines = (text: string): string[] => text.split('\n').filter((line) => line.trim() !== '');
