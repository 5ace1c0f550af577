// The embedded store, opened in its own thread (store-thread.ts says why) and used through a Store
// whose methods post the call there and resolve with the reply. Every Store method crosses as it is,
// by name; a finished report's ports, which may be a lazy list, cross as an array.
import { Worker } from 'node:worker_threads';
import { PortbotError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import type { StoreLocation } from './location.js';
import type { RecordableReport, Store, StoreProblem } from './store.js';
import type { FromStoreThread, StoreThreadData, ThreadError, ThreadTuning } from './thread-messages.js';

const THREAD_URL = new URL('./store-thread.js', import.meta.url);

export interface ThreadedStoreOptions extends ThreadTuning {
  readonly onBackgroundError?: (error: unknown) => void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

const rebuild = (error: ThreadError): Error => (error.code === undefined ? new Error(error.message) : new PortbotError(error.code, error.message));

/** Structured cloning copies a lazy port list as a plain object without its iterator: send arrays. */
function cloneableArgs(method: string, args: readonly unknown[]): readonly unknown[] {
  if (method !== 'finishJob') return args;
  const [id, report] = args as [string, RecordableReport];
  return [id, { ...report, hosts: report.hosts.map((host) => ({ ...host, ports: Array.from(host.ports) })) }];
}

export function openThreadedStore(location: StoreLocation, options: ThreadedStoreOptions = {}): Promise<Result<Store, StoreProblem>> {
  const { onBackgroundError, ...tuning } = options;
  const data: StoreThreadData = { location, tuning };
  const worker = new Worker(THREAD_URL, { workerData: data });
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let ended: Error | undefined;

  const endAll = (error: Error): void => {
    ended ??= error;
    for (const call of pending.values()) call.reject(ended);
    pending.clear();
  };
  // Only a call in flight keeps the process alive: an idle open store must not stop it exiting.
  const settle = (): void => void (pending.size === 0 ? worker.unref() : worker.ref());

  const call = (method: string, args: readonly unknown[]): Promise<unknown> => {
    if (ended !== undefined) return Promise.reject(ended);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      settle();
      worker.postMessage({ id, method, args: cloneableArgs(method, args) });
    });
  };

  return new Promise((resolveOpen) => {
    worker.on('message', (message: FromStoreThread) => {
      switch (message.type) {
        case 'opened': {
          const fields = { kind: message.kind, instanceId: message.instanceId };
          const store = new Proxy(fields, {
            get: (target, name): unknown =>
              typeof name !== 'string' || name in target || name === 'then' ? (Reflect.get(target, name) as unknown) : (...args: unknown[]) => call(name, args),
          }) as unknown as Store;
          settle();
          return resolveOpen(ok(store));
        }
        case 'refused':
          return resolveOpen(err({ ...message.problem }));
        case 'background-error':
          return onBackgroundError?.(rebuild(message.error));
        case 'reply':
        case 'error': {
          const waiting = pending.get(message.id);
          pending.delete(message.id);
          settle();
          if (message.type === 'reply') waiting?.resolve(message.value);
          else waiting?.reject(rebuild(message.error));
          return;
        }
      }
    });
    worker.on('error', (error) => {
      endAll(new PortbotError('store-unavailable', `the history store stopped: ${error.message}`, { cause: error }));
      resolveOpen(err({ code: 'store-unavailable', message: `cannot open the history store: ${error.message}`, cause: error }));
    });
    worker.on('exit', () => {
      endAll(new PortbotError('store-unavailable', 'the history store is closed'));
      resolveOpen(err({ code: 'store-unavailable', message: 'cannot open the history store: its thread ended' }));
    });
  });
}
