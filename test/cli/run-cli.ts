// Spawns the real CLI process (the compiled entry beside this file does what bin/portbot.js
// does) with a clean environment: no chat tokens or settings leak in from the machine.
import { spawn, type ChildProcess } from 'node:child_process';

export const ENTRY = new URL('./portbot-entry.js', import.meta.url);

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunningCli {
  readonly child: ChildProcess;
  /** Resolves once stderr contains `text`. */
  waitForStderr(text: string): Promise<void>;
  readonly done: Promise<CliRun>;
}

/** `namespace`: run the CLI inside that network namespace (a lab's scanning side), via ip netns exec. */
export function startCli(args: readonly string[], env: NodeJS.ProcessEnv = {}, input?: string, namespace?: string): RunningCli {
  const command = [process.execPath, ENTRY.pathname, ...args];
  const [file = '', ...rest] = namespace === undefined ? command : ['ip', 'netns', 'exec', namespace, ...command];
  const child = spawn(file, rest, {
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/root', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const waiter of waiters.filter((candidate) => stderr.includes(candidate.text))) waiter.resolve();
  });
  if (input !== undefined) child.stdin.end(input);
  const done = new Promise<CliRun>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return {
    child,
    done,
    waitForStderr: (text) => (stderr.includes(text) ? Promise.resolve() : new Promise((resolve) => waiters.push({ text, resolve }))),
  };
}

export const runCli = (args: readonly string[], env: NodeJS.ProcessEnv = {}, input?: string, namespace?: string): Promise<CliRun> => startCli(args, env, input, namespace).done;

export const lines = (text: string): string[] => text.split('\n').filter((line) => line.trim() !== '');
