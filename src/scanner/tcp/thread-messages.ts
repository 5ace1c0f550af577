// What the main thread and a scanner thread say to each other (see threaded-scan.ts). Plain data
// only: it crosses threads by structured clone, the typed arrays by transfer.
import type { ScanAddress } from '../types.js';
import type { TcpEngine } from './connector.js';
import type { TcpTiming } from './timing.js';

export interface ScanThreadData {
  readonly address: ScanAddress;
  /** Every port of the host, sorted; the thread starts those it claims from `claims`. */
  readonly ports: readonly number[];
  /** The host's shared claim counter (port-claims.ts). */
  readonly claims: Int32Array;
  readonly engine: TcpEngine | 'auto';
  readonly timing: TcpTiming;
  readonly socketCeiling: number;
  /** Sockets this thread may hold until told otherwise. */
  readonly concurrency: number;
}

export type ToScanThread = { readonly type: 'share'; readonly concurrency: number } | { readonly type: 'stop' };

export type FromScanThread =
  /** Ports finished since the last batch: positions in the host's `ports`, verdict codes, RTTs (NaN: none). */
  | { readonly type: 'batch'; readonly indices: Int32Array; readonly codes: Uint8Array; readonly rtts: Float64Array }
  /** Sent after the last batch: the part is finished, or stopped and every socket closed. */
  | { readonly type: 'done' }
  | { readonly type: 'failed'; readonly code: string; readonly message: string };
