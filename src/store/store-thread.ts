// The embedded store's own thread. PGlite is PostgreSQL compiled to WebAssembly, and it runs on the
// thread that opened it: creating a new store blocked the main thread for 8 s here, reopening one
// for 1.1 s. On the main thread that stall delays every socket event of a running scan (a ping
// that started beside it read 4.8 s of latency, or "seems down") and a chat platform's 3-second
// acknowledgement. Here it stalls only this thread; the main thread sends calls and awaits replies.
import { parentPort, workerData } from 'node:worker_threads';
import { PortbotError } from '../errors.js';
import { openStore } from './open-store.js';
import type { Store } from './store.js';
import type { FromStoreThread, StoreCall, StoreThreadData, ThreadError } from './thread-messages.js';

if (parentPort === null) throw new PortbotError('store-thread-misused', 'store-thread.js runs only as a worker thread');
const port = parentPort;
const data = workerData as StoreThreadData;
const post = (message: FromStoreThread): void => port.postMessage(message);

const asThreadError = (error: unknown): ThreadError => ({
  message: error instanceof Error ? error.message : String(error),
  ...(error instanceof PortbotError ? { code: error.code } : {}),
});

const opened = await openStore(data.location, { ...data.tuning, onBackgroundError: (error) => post({ type: 'background-error', error: asThreadError(error) }) });
if (!opened.ok) {
  post({ type: 'refused', problem: { code: opened.error.code, message: opened.error.message } });
  port.close();
} else {
  const store: Store = opened.value;
  post({ type: 'opened', kind: store.kind, instanceId: store.instanceId });
  port.on('message', (call: StoreCall) => void answer(store, call));
}

async function answer(store: Store, call: StoreCall): Promise<void> {
  try {
    const method = (store as unknown as Record<string, unknown>)[call.method];
    if (typeof method !== 'function') throw new PortbotError('store-thread-misused', `the store has no method ${call.method}`);
    const value: unknown = await (method as (...args: unknown[]) => Promise<unknown>).apply(store, [...call.args]);
    post({ type: 'reply', id: call.id, value });
  } catch (error) {
    post({ type: 'error', id: call.id, error: asThreadError(error) });
  }
  // After close, nothing is left to answer: let the thread end.
  if (call.method === 'close') port.close();
}
