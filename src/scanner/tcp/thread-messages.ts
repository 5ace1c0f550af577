// What the main thread and a scanner thread say to each other (see threaded-scan.ts). Plain data
// only: it crosses threads by structured clone, the typed arrays by transfer.
import type { ScanAddress } from '../types.js';
import type { TcpEngine } from './connector.js';
import type { TcpTiming } from './timing.js';

export interface ScanThreadData {
  readonly address: ScanAddress;
  /** This thread's part of the host's ports, sorted. */
  readonly ports: readonly number[];
  readonly engine: TcpEngine | 'auto';
  readonly timing: TcpTiming;
  readonly socketCeiling: number;
  /** Sockets this thread may hold until told otherwise. */
  readonly concurrency: number;
}

export type ToScanThread = { readonly type: 'share'; readonly concurrency: number } | { readonly type: 'stop' };

export type FromScanThread =
  /** Ports finished since the last batch: positions in this thread's `ports`, verdict codes, RTTs (NaN: none). */
  | { readonly type: 'batch'; readonly indices: Int32Array; readonly codes: Uint8Array; readonly rtts: Float64Array }
  /** Sent after the last batch: the part is finished, or stopped and every socket closed. */
  | { readonly type: 'done' }
  | { readonly type: 'failed'; readonly code: string; readonly message: string };
