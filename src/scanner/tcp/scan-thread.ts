// A scanner worker thread: runs the same TcpHostScan engine on the ports it claims of one host and
// streams compact verdicts to the main thread in batches. It never loads the service-name tables;
// the main thread names the ports (threaded-scan.ts says why threads exist at all).
import { parentPort, workerData } from 'node:worker_threads';
import { PortbotError } from '../../errors.js';
import { connectorFor } from './engines.js';
import { TcpHostScan } from './host-scan.js';
import { sharedClaims } from './port-claims.js';
import type { FromScanThread, ScanThreadData, ToScanThread } from './thread-messages.js';

/** Often enough for a progress bar (reported every 100 ms), rarely enough to cost nothing. */
const BATCH_MS = 50;

const port = parentPort;
if (port === null) throw new PortbotError('scanner-thread-misused', 'scan-thread.js runs only as a worker thread');
const data = workerData as ScanThreadData;

let concurrency = data.concurrency;
const stop = new AbortController();
let indices: number[] = [];
let codes: number[] = [];
let rtts: number[] = [];

const post = (message: FromScanThread, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

function flush(): void {
  if (indices.length === 0) return;
  const batch = { type: 'batch', indices: Int32Array.from(indices), codes: Uint8Array.from(codes), rtts: Float64Array.from(rtts) } as const;
  indices = [];
  codes = [];
  rtts = [];
  post(batch, [batch.indices.buffer, batch.codes.buffer, batch.rtts.buffer]);
}

/** Queues a finished port for the next batch, read back from the scan's compact results. */
function record(index: number): void {
  const { results } = scanRun;
  indices.push(index);
  codes.push(results.codeAt(index));
  rtts.push(results.rttAt(index));
}

port.on('message', (message: ToScanThread) => {
  if (message.type === 'share') concurrency = message.concurrency;
  else stop.abort();
});

const timer = setInterval(flush, BATCH_MS);
const options = { signal: stop.signal, concurrency: { current: () => concurrency }, onResult: record };
const connector = connectorFor(data.engine, {});
const claims = sharedClaims(data.claims, data.ports.length);
const scanRun = new TcpHostScan(data.address, data.ports, options, { connector, timing: data.timing, socketCeiling: data.socketCeiling, claims });
try {
  await scanRun.run();
  flush();
  post({ type: 'done' });
} catch (error) {
  flush();
  const code = error instanceof PortbotError ? error.code : 'scanner-thread-failed';
  post({ type: 'failed', code, message: error instanceof Error ? error.message : String(error) });
} finally {
  clearInterval(timer);
  port.close();
}
