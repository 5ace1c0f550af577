// What a benchmark case is, for bench/run.ts and every module in bench/cases/. A case times
// portbot and nmap on the same job in the same run and returns one or more rows.
import type { Lab, LabHostSpec } from '../test/lab/lab.js';

export interface BenchContext {
  /** Repetitions asked for (--runs); a case may use fewer for a slow nmap side and says so. */
  readonly runs: number;
  /** argv for the portbot CLI process (`node bin/portbot.js`, or the bench build's equivalent). */
  readonly portbotCommand: readonly string[];
  /** Creates a namespace lab (prefix chosen by the case); destroyed by the runner after the case. */
  lab(prefix: string, hosts: readonly LabHostSpec[]): Promise<Lab>;
}

export interface BenchRow {
  readonly name: string;
  /**
   * 'ratio': portbot median / nmap median must be <= aim. 'megabytes': portbot's peak RSS must be <= aim.
   * 'milliseconds': portbot's median time must be <= aim (nmap's median shown beside it).
   */
  readonly kind: 'ratio' | 'megabytes' | 'milliseconds';
  readonly aim: number;
  /** Samples: milliseconds for ratio rows, megabytes for memory rows. */
  readonly portbot: readonly number[];
  readonly nmap: readonly number[];
  /** Whether every port got the right answer (portbot's side), and any remark worth printing. */
  readonly correct: boolean;
  readonly note: string;
}

export interface BenchCase {
  readonly name: string;
  /** Why it cannot run here (not root, nmap missing), or undefined. */
  skipReason(): string | undefined;
  run(context: BenchContext): Promise<BenchRow[]>;
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
