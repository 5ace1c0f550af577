// What every terminal command shares: where it writes, and the exit codes scripts rely on
// (README, "Exit codes"): 0 done, 2 invalid input, 3 refused by policy, 1 anything else.
import type { Writable } from 'node:stream';
import type { Problem } from '../errors.js';

export const EXIT = { done: 0, failed: 1, invalid: 2, refused: 3 } as const;

export interface TerminalStreams {
  readonly stdout: Writable;
  readonly stderr: Writable & { readonly isTTY?: boolean };
}

export const problemExitCode = (problem: Problem): number => (problem.kind === 'input' ? EXIT.invalid : EXIT.refused);

export const usageError = (streams: TerminalStreams, message: string): number => {
  streams.stderr.write(`portbot: ${message}; run \`portbot --help\` for usage\n`);
  return EXIT.invalid;
};
