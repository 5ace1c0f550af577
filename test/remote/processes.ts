// The agent tests' processes: real `portbot agent` CLIs and the bot stand-in (bot-main.ts), each
// started in a namespace of the lab (or on this machine's loopback when `namespace` is undefined)
// with a clean environment, and killed when the test is done.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ENTRY } from '../cli/run-cli.js';
import type { BotLine, BotOrder } from './bot-main.js';

const BOT = fileURLToPath(new URL('./bot-main.js', import.meta.url));
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

function spawnIn(namespace: string | undefined, args: readonly string[], env: NodeJS.ProcessEnv): ChildProcess {
  const [command, all] = namespace === undefined ? [process.execPath, [...args]] : ['ip', ['netns', 'exec', namespace, process.execPath, ...args]];
  // `ip netns exec` execs node in place, so the child's pid is node's own.
  const child = spawn(command, all, { env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/root', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

export interface AgentProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Resolves once the agent serves its zone (its heartbeat is in Redis). */
  readonly ready: Promise<void>;
  readonly exited: Promise<{ code: number | null; stderr: string }>;
  stderr(): string;
}

export interface AgentSpec {
  readonly namespace?: string;
  readonly zone?: string;
  readonly redisUrl: string;
  readonly allowlist: string;
  readonly concurrency?: number;
  readonly env?: NodeJS.ProcessEnv;
  /** The portbot script to run (default: the test build's CLI entry; the bench passes bin/portbot.js). */
  readonly entry?: string;
}

export function startAgentProcess(spec: AgentSpec): AgentProcess {
  const env = {
    PORTBOT_REDIS_URL: spec.redisUrl,
    PORTBOT_ALLOWLIST: spec.allowlist,
    PORTBOT_AGENT_CONCURRENCY: String(spec.concurrency ?? 2),
    PORTBOT_LOG_LEVEL: 'warn',
    ...spec.env,
  };
  const child = spawnIn(spec.namespace, [spec.entry ?? ENTRY.pathname, 'agent', '--zone', spec.zone ?? 'lab'], env);
  let stderr = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('portbot agent: serving zone')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`agent exited with ${String(code)} before serving: ${stderr}`)));
  });
  ready.catch(() => undefined);
  child.stdout?.resume();
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.once('close', (code) => resolve({ code, stderr })));
  return { child, pid: child.pid ?? 0, ready, exited, stderr: () => stderr };
}

export interface BotRun {
  readonly lines: BotLine[];
  /** Resolves with every line when the bot process exits, and its exit code. */
  readonly done: Promise<{ code: number | null; lines: BotLine[]; stderr: string }>;
  /** Resolves with the first line that `matches`, as soon as it is printed. */
  until(matches: (line: BotLine) => boolean): Promise<BotLine>;
}

export function runBot(namespace: string | undefined, order: BotOrder, env: NodeJS.ProcessEnv = {}): BotRun {
  const child = spawnIn(namespace, [BOT, JSON.stringify(order)], env);
  const lines: BotLine[] = [];
  const waiters: { matches: (line: BotLine) => boolean; resolve: (line: BotLine) => void }[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const part of parts.filter((text) => text.trim() !== '')) {
      const line = JSON.parse(part) as BotLine;
      lines.push(line);
      for (const waiter of waiters.filter((candidate) => candidate.matches(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  const done = new Promise<{ code: number | null; lines: BotLine[]; stderr: string }>((resolve) => child.once('close', (code) => resolve({ code, lines, stderr })));
  return {
    lines,
    done,
    until: (matches) => {
      const found = lines.find(matches);
      return found !== undefined ? Promise.resolve(found) : new Promise((resolve) => waiters.push({ matches, resolve }));
    },
  };
}

/** The outcome lines of a bot run. */
export const outcomesOf = (lines: readonly BotLine[]): { jobId: string; outcome: Record<string, unknown> }[] =>
  lines.flatMap((line) => ('outcome' in line ? [line] : []));

/** The pid inside an agent id (`<host>-<pid>-<random>`). */
export const pidOfAgent = (agentId: string): number => Number(/-(\d+)-[0-9a-f]+$/.exec(agentId)?.[1]);

/** A TCP listener on loopback that accepts and closes (writing `greeting` first, when given): an open port to scan. */
export async function loopbackListener(greeting?: string): Promise<{ readonly port: number; close(): void }> {
  const server = createServer((socket) => socket.on('error', () => undefined).end(greeting ?? ''));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, close: () => void server.close() };
}

/** SIGTERM, then the agent's exit (a test's `after`). */
export async function stopAgent(agent: AgentProcess | undefined): Promise<void> {
  agent?.child.kill('SIGTERM');
  await agent?.exited;
}
